package kcwb.training.train;

/**
 * Collects {@link TrainingConfig} values (DJL style: {@code optX} for optional fields) and validates them
 * all at once in {@link #build()}. Defaults are HF {@code TrainingArguments}' where HF has one
 * (lr 5e-5, no weight decay, betas 0.9/0.999, eps 1e-8, max grad norm 1.0, seed 42).
 */
public final class TrainingConfigBuilder {
    private double learningRate = 5e-5;
    private double weightDecay = 0.0;
    private double adamBeta1 = 0.9;
    private double adamBeta2 = 0.999;
    private double adamEpsilon = 1e-8;
    private double warmupRatio = 0.0;
    private int warmupSteps = 0;
    private int epochs = 3;
    private int maxSteps = 0;
    private int batchSize = 32;
    private int evalBatchSize = 64;
    private int gradientAccumulationSteps = 1;
    private double maxGradNorm = 1.0;
    private int maxLength = 128;
    private long seed = 42;
    private int evalEverySteps = 0;
    private int loggingSteps = 10;
    private int keepBestCheckpoints = 1;
    private String metricForBest = "macro_f1";
    private boolean greaterIsBetter = true;
    private int earlyStoppingPatience = 0;
    private double earlyStoppingMinDelta = 0.0;
    private ProblemType problemType = ProblemType.SINGLE_LABEL;

    TrainingConfigBuilder() {}

    TrainingConfigBuilder(TrainingConfig c) {
        learningRate = c.learningRate();
        weightDecay = c.weightDecay();
        adamBeta1 = c.adamBeta1();
        adamBeta2 = c.adamBeta2();
        adamEpsilon = c.adamEpsilon();
        warmupRatio = c.warmupRatio();
        warmupSteps = c.warmupSteps();
        epochs = c.epochs();
        maxSteps = c.maxSteps();
        batchSize = c.batchSize();
        evalBatchSize = c.evalBatchSize();
        gradientAccumulationSteps = c.gradientAccumulationSteps();
        maxGradNorm = c.maxGradNorm();
        maxLength = c.maxLength();
        seed = c.seed();
        evalEverySteps = c.evalEverySteps();
        loggingSteps = c.loggingSteps();
        keepBestCheckpoints = c.keepBestCheckpoints();
        metricForBest = c.metricForBest();
        greaterIsBetter = c.greaterIsBetter();
        earlyStoppingPatience = c.earlyStoppingPatience();
        earlyStoppingMinDelta = c.earlyStoppingMinDelta();
        problemType = c.problemType();
    }

    public TrainingConfigBuilder optLearningRate(double value) { learningRate = value; return this; }
    public TrainingConfigBuilder optWeightDecay(double value) { weightDecay = value; return this; }
    public TrainingConfigBuilder optAdamBetas(double beta1, double beta2) { adamBeta1 = beta1; adamBeta2 = beta2; return this; }
    public TrainingConfigBuilder optAdamEpsilon(double value) { adamEpsilon = value; return this; }
    public TrainingConfigBuilder optWarmupRatio(double value) { warmupRatio = value; return this; }
    public TrainingConfigBuilder optWarmupSteps(int value) { warmupSteps = value; return this; }
    public TrainingConfigBuilder optEpochs(int value) { epochs = value; return this; }
    public TrainingConfigBuilder optMaxSteps(int value) { maxSteps = value; return this; }
    public TrainingConfigBuilder optBatchSize(int value) { batchSize = value; return this; }
    public TrainingConfigBuilder optEvalBatchSize(int value) { evalBatchSize = value; return this; }
    public TrainingConfigBuilder optGradientAccumulationSteps(int value) { gradientAccumulationSteps = value; return this; }
    public TrainingConfigBuilder optMaxGradNorm(double value) { maxGradNorm = value; return this; }
    public TrainingConfigBuilder optMaxLength(int value) { maxLength = value; return this; }
    public TrainingConfigBuilder optSeed(long value) { seed = value; return this; }
    public TrainingConfigBuilder optEvalEverySteps(int value) { evalEverySteps = value; return this; }
    public TrainingConfigBuilder optLoggingSteps(int value) { loggingSteps = value; return this; }
    public TrainingConfigBuilder optKeepBestCheckpoints(int value) { keepBestCheckpoints = value; return this; }

    /** The metric that ranks checkpoints and drives early stopping; lower is better for {@code loss}. */
    public TrainingConfigBuilder optMetricForBest(String metric, boolean greaterIsBetter) {
        this.metricForBest = metric;
        this.greaterIsBetter = greaterIsBetter;
        return this;
    }

    public TrainingConfigBuilder optEarlyStopping(int patience, double minDelta) {
        earlyStoppingPatience = patience;
        earlyStoppingMinDelta = minDelta;
        return this;
    }

    public TrainingConfigBuilder optProblemType(ProblemType value) { problemType = value; return this; }

    /** Validates every field; throws {@link InvalidTrainingConfigException} listing all problems. */
    public TrainingConfig build() {
        return new TrainingConfig(learningRate, weightDecay, adamBeta1, adamBeta2, adamEpsilon, warmupRatio,
                warmupSteps, epochs, maxSteps, batchSize, evalBatchSize, gradientAccumulationSteps, maxGradNorm,
                maxLength, seed, evalEverySteps, loggingSteps, keepBestCheckpoints, metricForBest, greaterIsBetter,
                earlyStoppingPatience, earlyStoppingMinDelta, problemType);
    }
}
