package kcwb.storage.item;

import java.time.Instant;

/** The record of one import: its file, state (running, complete, aborted) and counts. */
public record ImportBatch(long id, long projectId, String sourceFile, String sha256, String state,
        Instant startedAt, Instant finishedAt, long rowsRead, long rowsImported, long rowsRejected,
        long rowsDuplicate, long rowsTooShort, String optionsJson, String message) {}
