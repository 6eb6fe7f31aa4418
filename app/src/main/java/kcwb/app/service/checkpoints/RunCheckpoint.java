package kcwb.app.service.checkpoints;

import java.nio.file.Path;
import kcwb.storage.run.RunState;

/** A checkpoint of one of a project's runs: the run's id, name and state, the step, its folder and whether it is the run's best. */
public record RunCheckpoint(long runId, String runName, RunState runState, long step, Path dir, boolean best) {
    /** "run name / checkpoint folder", how a user recognises it. */
    public String describe() {
        return runName + " / " + (dir.getFileName() == null ? dir : dir.getFileName());
    }
}
