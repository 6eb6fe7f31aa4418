package kcwb.training.provenance;

import java.util.Map;

/**
 * How the run ended: stop reason, steps, best and last checkpoint folder names, and the best evaluation's
 * headline metrics (empty without dev data).
 */
public record RunOutcome(String finishedAt, String stopReason, long steps, String bestCheckpoint,
        String lastCheckpoint, Map<String, Double> bestMetrics) {
    public RunOutcome {
        bestMetrics = bestMetrics == null ? Map.of() : new java.util.TreeMap<>(bestMetrics);
    }
}
