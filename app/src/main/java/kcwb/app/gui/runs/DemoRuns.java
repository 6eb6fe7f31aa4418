package kcwb.app.gui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kcwb.app.service.DemoWorkspace;
import kcwb.app.service.train.TrainRequest;
import kcwb.app.service.train.TrainService;
import kcwb.training.train.TrainingConfigBuilder;

/** Two short real runs on the demo project that differ in learning rate: what the screenshot tour compares. */
public final class DemoRuns {
    static final int STEPS = 40;

    private DemoRuns() {}

    /** Trains run folders {@code demo-lr-1e-3} and {@code demo-lr-3e-4} under {@code runsDir} (tiny, from scratch). */
    public static void train(Path workspaceFile, Path runsDir) throws IOException {
        for (double rate : new double[] {1e-3, 3e-4}) {
            String name = rate == 1e-3 ? "demo-lr-1e-3" : "demo-lr-3e-4";
            new TrainService().run(new TrainRequest(workspaceFile, DemoWorkspace.PROJECT, null, null, null, null, null,
                    "tiny", null, "quick", (TrainingConfigBuilder b) -> b.optMaxSteps(STEPS).optEvalEverySteps(10)
                            .optLoggingSteps(1).optBatchSize(16).optLearningRate(rate),
                    "kcelectra", runsDir.resolve(name), null, 42), List.of(), job -> { });
        }
    }
}
