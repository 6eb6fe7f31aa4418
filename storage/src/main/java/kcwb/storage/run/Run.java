package kcwb.storage.run;

import java.time.Instant;

/** A training run: its config and provenance as JSON, the dataset hash, its directory and state. */
public record Run(long id, long projectId, String name, RunState state, String configJson, String datasetHash,
        String provenanceJson, String runDir, Instant startedAt, Instant finishedAt, String message) {}
