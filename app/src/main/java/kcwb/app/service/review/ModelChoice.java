package kcwb.app.service.review;

import java.nio.file.Path;

/** A model to predict with: a checkpoint of a run of the project, or a folder chosen by hand (runId null). */
public record ModelChoice(Path dir, Long runId, String runName, long step, boolean best) {
    public static ModelChoice folder(Path dir) {
        return new ModelChoice(dir, null, null, -1, false);
    }
}
