package kcwb.app.service.review;

import java.nio.file.Path;
import kcwb.app.service.checkpoints.RunCheckpoint;

/**
 * A model to predict with: a checkpoint of a run of the project (listed by
 * {@link kcwb.app.service.checkpoints.CheckpointChooser}), or a folder chosen by hand (runId null).
 */
public record ModelChoice(Path dir, Long runId, String runName, long step, boolean best) {
    public static ModelChoice of(RunCheckpoint checkpoint) {
        return new ModelChoice(checkpoint.dir(), checkpoint.runId(), checkpoint.runName(), checkpoint.step(), checkpoint.best());
    }

    public static ModelChoice folder(Path dir) {
        return new ModelChoice(dir, null, null, -1, false);
    }
}
