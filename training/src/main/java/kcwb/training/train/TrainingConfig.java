package kcwb.training.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every hyperparameter of one fine-tuning run, frozen: build it with {@link #builder()}, which validates
 * all fields and names every bad one before any training starts. The names follow HF
 * {@code TrainingArguments} where there is one.
 *
 * @param warmupRatio fraction of the total optimiser steps spent warming up, used when {@code warmupSteps} is 0
 *     (HF: warmup = ceil(total × ratio))
 * @param epochs passes over the training data; ignored when {@code maxSteps} > 0
 * @param maxSteps optimiser steps to run; 0 = use epochs
 * @param evalEverySteps evaluate on dev every N optimiser steps (0 = only at each epoch end)
 * @param keepBestCheckpoints how many best checkpoints to keep (the last one is always kept as well)
 * @param metricForBest an {@link kcwb.training.eval.Evaluation#metric(String)} key, e.g. {@code macro_f1} or {@code loss}
 * @param earlyStoppingPatience evaluations without improvement before stopping; 0 = never stop early
 * @param earlyStoppingMinDelta an improvement smaller than this does not count
 */
public record TrainingConfig(
        double learningRate, double weightDecay, double adamBeta1, double adamBeta2, double adamEpsilon,
        double warmupRatio, int warmupSteps, int epochs, int maxSteps, int batchSize, int evalBatchSize,
        int gradientAccumulationSteps, double maxGradNorm, int maxLength, long seed, int evalEverySteps,
        int loggingSteps, int keepBestCheckpoints, String metricForBest, boolean greaterIsBetter,
        int earlyStoppingPatience, double earlyStoppingMinDelta, ProblemType problemType) {

    /** Metric keys that {@code metricForBest} may name. */
    public static final Set<String> METRICS = Set.of("loss", "accuracy", "macro_f1", "micro_f1", "subset_accuracy");

    public TrainingConfig {
        List<String> problems = problems(learningRate, weightDecay, adamBeta1, adamBeta2, adamEpsilon, warmupRatio,
                warmupSteps, epochs, maxSteps, batchSize, evalBatchSize, gradientAccumulationSteps, maxGradNorm,
                maxLength, evalEverySteps, loggingSteps, keepBestCheckpoints, metricForBest, earlyStoppingPatience,
                earlyStoppingMinDelta, problemType);
        if (!problems.isEmpty()) {
            throw new InvalidTrainingConfigException(problems);
        }
    }

    public static TrainingConfigBuilder builder() {
        return new TrainingConfigBuilder();
    }

    /** A builder holding this config's values, to derive a changed copy. */
    public TrainingConfigBuilder toBuilder() {
        return new TrainingConfigBuilder(this);
    }

    /** Optimiser steps per epoch: ceil(batches / accumulation), at least 1 (as HF Trainer counts them). */
    public int optimizerStepsPerEpoch(int trainExamples) {
        int batches = Math.ceilDiv(trainExamples, batchSize);
        return Math.max(1, Math.ceilDiv(batches, gradientAccumulationSteps));
    }

    /** Total optimiser steps: maxSteps when set, else epochs × steps per epoch. */
    public int totalOptimizerSteps(int trainExamples) {
        return maxSteps > 0 ? maxSteps : epochs * optimizerStepsPerEpoch(trainExamples);
    }

    /** Warmup steps: the explicit count, else ceil(total × ratio) (HF {@code get_warmup_steps}). */
    public int warmupStepsFor(int totalSteps) {
        return warmupSteps > 0 ? warmupSteps : (int) Math.ceil(totalSteps * warmupRatio);
    }

    private static List<String> problems(double lr, double wd, double b1, double b2, double eps, double warmupRatio,
            int warmupSteps, int epochs, int maxSteps, int batch, int evalBatch, int accum, double maxGradNorm,
            int maxLength, int evalEvery, int logging, int keepBest, String metric, int patience, double minDelta,
            ProblemType problemType) {
        List<String> p = new ArrayList<>();
        check(p, finite(lr) && lr > 0, "learning rate must be > 0, got " + lr);
        check(p, finite(wd) && wd >= 0, "weight decay must be ≥ 0, got " + wd);
        check(p, finite(b1) && b1 >= 0 && b1 < 1, "adam beta1 must be in [0, 1), got " + b1);
        check(p, finite(b2) && b2 >= 0 && b2 < 1, "adam beta2 must be in [0, 1), got " + b2);
        check(p, finite(eps) && eps > 0, "adam epsilon must be > 0, got " + eps);
        check(p, finite(warmupRatio) && warmupRatio >= 0 && warmupRatio < 1,
                "warmup ratio must be in [0, 1), got " + warmupRatio);
        check(p, warmupSteps >= 0, "warmup steps must be ≥ 0, got " + warmupSteps);
        check(p, maxSteps >= 0, "max steps must be ≥ 0 (0 = use epochs), got " + maxSteps);
        check(p, epochs >= 1 || maxSteps > 0, "epochs must be ≥ 1 (or set max steps), got " + epochs);
        check(p, batch >= 1, "batch size must be ≥ 1, got " + batch);
        check(p, evalBatch >= 1, "eval batch size must be ≥ 1, got " + evalBatch);
        check(p, accum >= 1, "gradient accumulation steps must be ≥ 1, got " + accum);
        check(p, finite(maxGradNorm) && maxGradNorm >= 0, "max grad norm must be ≥ 0 (0 = no clipping), got " + maxGradNorm);
        check(p, maxLength >= 8 && maxLength <= 512, "max length must be in [8, 512] tokens, got " + maxLength);
        check(p, evalEvery >= 0, "eval every N steps must be ≥ 0 (0 = at epoch end only), got " + evalEvery);
        check(p, logging >= 1, "logging steps must be ≥ 1, got " + logging);
        check(p, keepBest >= 1, "keep best checkpoints must be ≥ 1, got " + keepBest);
        check(p, metric != null && METRICS.contains(metric), "metric for best must be one of " + METRICS + ", got " + metric);
        check(p, patience >= 0, "early stopping patience must be ≥ 0 (0 = off), got " + patience);
        check(p, finite(minDelta) && minDelta >= 0, "early stopping min delta must be ≥ 0, got " + minDelta);
        check(p, problemType != null, "problem type is required");
        return p;
    }

    private static boolean finite(double value) {
        return Double.isFinite(value);
    }

    private static void check(List<String> problems, boolean ok, String message) {
        if (!ok) {
            problems.add(message);
        }
    }
}
