package kcwb.storage.run;

import java.time.Instant;

/** A saved checkpoint folder of a run with its eval metrics (JSON); at most one per run is best. */
public record Checkpoint(long id, long runId, String path, long step, String metricsJson, boolean best, Instant createdAt) {}
