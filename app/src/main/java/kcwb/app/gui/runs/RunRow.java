package kcwb.app.gui.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kcwb.storage.run.Checkpoint;
import kcwb.storage.run.Run;
import kcwb.storage.run.RunState;

/**
 * One line of the runs table: a stored run with the numbers read out of its config, provenance and best
 * checkpoint. Numbers are null when the run did not record them.
 *
 * @param duration finished − started, or now − started while the run is running
 * @param metricName the config's metric for the best checkpoint (e.g. {@code macro_f1})
 * @param bestMetric that metric of the best checkpoint, or null when no checkpoint was evaluated
 */
public record RunRow(long id, long projectId, String projectName, String name, RunState state, Instant startedAt,
        Duration duration, String baseModel, Integer epochs, Integer batchSize, Double learningRate, Integer maxLength,
        String datasetHash, String metricName, Double bestMetric, String runDir, String message) {

    static final int SHORT_HASH = 10;

    /** Reads {@code run}'s config, provenance and best checkpoint; {@code now} ends a running run's duration. */
    public static RunRow of(Run run, String projectName, List<Checkpoint> checkpoints, Instant now) {
        JsonNode config = RunJson.parse(run.configJson());
        JsonNode provenance = RunJson.parse(run.provenanceJson());
        String metric = RunJson.text(config, "metricForBest");
        Double best = checkpoints.stream().filter(Checkpoint::best).findFirst()
                .map(c -> metric == null ? null : RunJson.number(RunJson.parse(c.metricsJson()), metric)).orElse(null);
        Instant end = run.finishedAt() != null ? run.finishedAt() : run.state() == RunState.RUNNING ? now : null;
        Duration duration = end == null ? null : Duration.between(run.startedAt(), end);
        return new RunRow(run.id(), run.projectId(), projectName, run.name(), run.state(), run.startedAt(), duration,
                baseModel(provenance), RunJson.integer(config, "epochs"), RunJson.integer(config, "batchSize"),
                RunJson.number(config, "learningRate"), RunJson.integer(config, "maxLength"), shortHash(run.datasetHash()),
                metric, best, run.runDir(), run.message());
    }

    /** A from-scratch preset as is, a folder by its last name part. */
    static String baseModel(JsonNode provenance) {
        String source = RunJson.text(provenance.path("baseModel"), "source");
        if (source == null) {
            return null;
        }
        String trimmed = source.replaceAll("[/\\\\]+$", "");
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return slash < 0 || source.startsWith("from-scratch:") ? trimmed : trimmed.substring(slash + 1);
    }

    static String shortHash(String hash) {
        return hash == null || hash.length() <= SHORT_HASH ? hash : hash.substring(0, SHORT_HASH);
    }

    public boolean running() {
        return state == RunState.RUNNING;
    }
}
