package kcwb.training.train;

import java.util.List;
import kcwb.training.eval.Evaluation;

/**
 * Everything besides weights and optimiser moments that resume needs, saved as JSON in every checkpoint:
 * the optimiser/scheduler step, the next data position, the micro-batch counter that seeds dropout, the
 * best-metric tracker with the best evaluation, the kept checkpoints, and the config (resume refuses a different one).
 */
public record TrainingState(int formatVersion, long optimizerStep, long microBatches, DataPosition next,
        long seed, Double bestMetric, long bestStep, int evalsWithoutImprovement, Evaluation bestMetrics,
        List<KeptCheckpoint> kept, TrainingConfig config) {

    public static final int FORMAT_VERSION = 1;

    /** A checkpoint folder name with the metric it scored (null if saved without evaluation). */
    public record KeptCheckpoint(long step, String folder, Double metric) {}
}
