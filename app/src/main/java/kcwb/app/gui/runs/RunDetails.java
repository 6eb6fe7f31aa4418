package kcwb.app.gui.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kcwb.storage.run.Checkpoint;
import kcwb.storage.run.Run;
import kcwb.storage.run.RunEvent;

/**
 * An opened run: its row, curves, checkpoints, and its settings as one flat key → value map (the config's
 * keys as stored, then provenance keys by dotted path, e.g. {@code dataset.sha256}) for the table and the diff.
 */
public record RunDetails(RunRow row, RunCurves curves, List<CheckpointRow> checkpoints, Map<String, String> settings,
        String configJson, String provenanceJson, Long splitSeed) {

    /** Provenance parts that are results or repeats, not settings. */
    private static final Set<String> NOT_SETTINGS = Set.of("config", "outcome", "startedAt");

    static RunDetails of(RunRow row, Run run, List<RunEvent> events, List<Checkpoint> checkpoints) {
        RunCurves curves = RunCurves.of(events, row.metricName());
        List<CheckpointRow> checkpointRows = checkpoints.stream().map(c -> new CheckpointRow(c, curves.epochAt(c.step()))).toList();
        JsonNode provenance = RunJson.parse(run.provenanceJson());
        Map<String, String> settings = new LinkedHashMap<>(RunJson.flatten(RunJson.parse(run.configJson()), ""));
        provenance.fieldNames().forEachRemaining(field -> {
            if (!NOT_SETTINGS.contains(field)) {
                settings.putAll(RunJson.flatten(provenance.path(field), field));
            }
        });
        Long seed = provenance.path("dataset").path("splitSeed").isNumber()
                ? provenance.path("dataset").path("splitSeed").asLong() : null;
        return new RunDetails(row, curves, checkpointRows, settings, RunJson.pretty(run.configJson()),
                RunJson.pretty(run.provenanceJson()), seed);
    }

    public long runId() {
        return row.id();
    }
}
