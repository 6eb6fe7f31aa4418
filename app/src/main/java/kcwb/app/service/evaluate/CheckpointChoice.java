package kcwb.app.service.evaluate;

import java.nio.file.Path;

/** A checkpoint folder of a run that is still on disk, with the run's name and whether it is the run's best. */
public record CheckpointChoice(long runId, String runName, long step, Path path, boolean best) {}
