package kcwb.storage.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kcwb.storage.annotation.FinalLabelPolicy;
import kcwb.storage.annotation.FinalLabels;
import kcwb.storage.annotation.LabeledItem;
import kcwb.storage.project.Project;
import kcwb.storage.workspace.Workspace;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a project's items with their final labels as JSONL or CSV (streaming). Per-annotator
 * output adds every annotator's labels (JSONL: an "annotations" object; CSV: one row per annotator).
 */
public final class ItemExporter {
    private final Workspace workspace;

    public ItemExporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Writes one JSON object per item: id, text, labels, split (and annotations); returns the item count. */
    public long writeJsonl(Project project, FinalLabelPolicy policy, boolean perAnnotator, Path target) throws IOException {
        long[] count = {0};
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            forEach(project, policy, item -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", item.itemId());
                row.put("text", item.text());
                row.put("labels", item.labels());
                row.put("split", item.split() == null ? null : item.split().key());
                if (perAnnotator) {
                    row.put("annotations", item.byAnnotator());
                }
                write(out, Json.write(row) + "\n");
                count[0]++;
            });
        }
        return count[0];
    }

    /** Writes CSV with header id,text,labels,split (labels joined by ';'); per annotator adds an annotator column. */
    public long writeCsv(Project project, FinalLabelPolicy policy, boolean perAnnotator, Path target) throws IOException {
        long[] count = {0};
        String[] header = perAnnotator ? new String[] {"id", "text", "annotator", "labels", "split"}
                : new String[] {"id", "text", "labels", "split"};
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            forEach(project, policy, item -> {
                String split = item.split() == null ? "" : item.split().key();
                try {
                    if (perAnnotator) {
                        for (Map.Entry<String, List<String>> entry : new java.util.TreeMap<>(item.byAnnotator()).entrySet()) {
                            csv.printRecord(item.itemId(), item.text(), entry.getKey(), String.join(";", entry.getValue()), split);
                        }
                    } else {
                        csv.printRecord(item.itemId(), item.text(), String.join(";", item.labels()), split);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
        }
        return count[0];
    }

    private void forEach(Project project, FinalLabelPolicy policy, java.util.function.Consumer<LabeledItem> consumer)
            throws IOException {
        try {
            new FinalLabels(workspace).forEach(project, policy, null, consumer);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void write(BufferedWriter out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
