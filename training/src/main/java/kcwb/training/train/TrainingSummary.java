package kcwb.training.train;

import java.nio.file.Path;
import kcwb.training.eval.Evaluation;

/** How a run ended. {@code best*} are null when there was no dev evaluation. */
public record TrainingSummary(StopReason reason, long steps, int epochsCompleted, Evaluation bestMetrics,
        Path bestCheckpoint, Path lastCheckpoint, double trainSeconds, double samplesPerSecond) {

    public enum StopReason { COMPLETED, EARLY_STOPPED, CANCELLED }
}
