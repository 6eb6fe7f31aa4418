package kcwb.app.gui.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.checkpoints.CheckpointChooser;
import kcwb.app.service.checkpoints.RunCheckpoint;
import kcwb.app.service.train.TrainRequest;
import kcwb.app.service.train.TrainService;
import kcwb.app.service.train.WorkspaceAccess;
import kcwb.app.service.train.WorkspacePredictor;
import kcwb.training.train.TrainingConfigBuilder;

/**
 * For the screenshot tour: predictions of the open workspace's unlabelled items with the checkpoint the review
 * view preselects, so the review view has a queue to show; when the first project has no checkpoint yet, a real,
 * short from-scratch training run (tiny preset) makes one first. Not used by the app itself.
 */
public final class ReviewDemo {
    private ReviewDemo() {}

    /** Predicts (training into {@code runDir} first when there is no checkpoint); returns how many predictions were stored. */
    public static long prepare(WorkspaceSession session, Path runDir) throws IOException {
        Path file = session.file().orElseThrow(() -> new IllegalStateException("no workspace is open"));
        String project = session.call(workspace -> workspace.projects().list().getFirst().name());
        long projectId = session.call(workspace -> workspace.projects().require(project).id());
        if (session.call(workspace -> CheckpointChooser.choices(workspace, projectId)).preselected().isEmpty()) {
            TrainRequest request = new TrainRequest(file, project, null, null, null, null, null, "tiny", null, "quick",
                    (TrainingConfigBuilder b) -> b.optLearningRate(1e-3).optEpochs(20).optMaxSteps(150).optEvalEverySteps(50),
                    "kcelectra", runDir, null, 42);
            new TrainService().run(request, List.of(), job -> { });
        }
        RunCheckpoint best = session.call(workspace -> CheckpointChooser.choices(workspace, projectId)).preselected()
                .orElseThrow(() -> new IllegalStateException("the demo run saved no checkpoint"));
        return new WorkspacePredictor(64).predict(best.dir(), WorkspaceAccess.of(session), projectId,
                WorkspacePredictor.Scope.UNLABELED, best.runId(), WorkspacePredictor.Progress.NONE).stored();
    }
}
