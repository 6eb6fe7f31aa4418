package kcwb.storage.run;

import java.time.Instant;

/** A metrics record of a run at one step (kind e.g. "train", "eval"); metrics as a JSON object. */
public record RunEvent(long id, long runId, long step, Double epoch, String kind, String metricsJson, Instant at) {}
