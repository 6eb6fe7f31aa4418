package kcwb.training.provenance;

import java.util.List;
import java.util.Map;

/**
 * The data as the model saw it.
 *
 * @param source e.g. {@code workspace:/path/ws.kcwb#project=news} or {@code files:train=a.tsv,dev=b.tsv}
 * @param rowsPerSplit rows per split name (train, dev), in that order
 * @param splitSeed seed of the holdout that made the dev split, or null when the splits were given
 * @param sha256 {@link DatasetHash} over (split, id, cleaned text, labels) in id order
 */
public record DatasetProvenance(String source, List<String> labels, String problemType, Map<String, Integer> rowsPerSplit,
        Long splitSeed, String sha256) {
    public DatasetProvenance {
        labels = List.copyOf(labels);
        rowsPerSplit = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerSplit));
    }
}
