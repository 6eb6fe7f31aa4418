package kcwb.training.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import kcwb.training.eval.Evaluation;

/** One execution of the training loop, from a {@link TrainingState} to a {@link TrainingSummary}. */
final class TrainingRun {
    private final FineTunerBuilder in;
    private final FineTuner tuner;
    private final TrainingConfig config;
    private final Batcher batcher;
    private final EventEmitter events;
    private final AdamW optimizer;
    private final NDManager manager;
    private final TrainStep trainStep;
    private final int totalSteps;
    private final int stepsPerEpoch;
    private final long startStep;

    private long step;
    private long microBatches;
    private DataPosition position;
    private double epochProgress;
    private BestMetricTracker tracker;
    private List<TrainingState.KeptCheckpoint> kept;
    private Evaluation bestEvaluation;
    private long lastSavedStep = -1;
    private Path lastCheckpoint;

    TrainingRun(FineTuner tuner, Batcher batcher, Evaluator evaluator, EventEmitter events, AdamW optimizer,
            NDManager manager, TrainingState state) {
        this.tuner = tuner;
        this.in = tuner.in;
        this.config = in.config;
        this.batcher = batcher;
        this.events = events;
        this.optimizer = optimizer;
        this.manager = manager;
        this.stepsPerEpoch = config.optimizerStepsPerEpoch(batcher.size());
        this.totalSteps = config.totalOptimizerSteps(batcher.size());
        var schedule = new LinearWarmupDecaySchedule(config.learningRate(), config.warmupStepsFor(totalSteps), totalSteps);
        this.trainStep = new TrainStep(in.model, in.loss, optimizer, schedule, config.maxGradNorm(), manager);
        this.step = state.optimizerStep();
        this.startStep = step;
        this.microBatches = state.microBatches();
        this.position = state.next();
        this.epochProgress = position.epoch()
                + (double) position.batchIndex() / Math.ceilDiv(batcher.size(), config.batchSize());
        this.tracker = new BestMetricTracker(state.bestMetric(), state.bestStep(), state.evalsWithoutImprovement());
        this.kept = new ArrayList<>(state.kept());
        this.bestEvaluation = state.bestMetrics();
    }

    TrainingSummary execute(String device, BooleanSupplier cancelRequested) {
        int threads = Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        events.emit(new TrainingEvent.Started(device, threads, batcher.size(), in.dev.size(), stepsPerEpoch,
                totalSteps, startStep, config));
        long started = System.nanoTime();
        long samples = 0;
        var log = new LogWindow(System.nanoTime());
        int[] lengths = batcher.approximateLengths();
        while (step < totalSteps && (config.maxSteps() > 0 || position.epoch() < config.epochs())) {
            int epoch = position.epoch();
            List<int[]> plan = BatchPlan.training(lengths, config.batchSize(), config.seed(), epoch);
            int b = position.batchIndex();
            try (PrefetchingBatches batches = new PrefetchingBatches(batcher, plan, b)) {
                while (b < plan.size() && step < totalSteps) {
                    int window = Math.min(config.gradientAccumulationSteps(), plan.size() - b);
                    for (int k = 0; k < window; k++, b++) {
                        HostBatch batch = batches.next();
                        try (NDManager scope = manager.newSubManager()) {
                            log.add(trainStep.accumulate(batch.inputs(scope), batch.labels(scope), window,
                                    dropoutSeed(config.seed(), microBatches)), batch.rows());
                        }
                        microBatches++;
                        samples += batch.rows();
                    }
                    TrainStep.Update update = trainStep.update();
                    step = update.step();
                    position = b == plan.size() ? new DataPosition(epoch + 1, 0) : new DataPosition(epoch, b);
                    epochProgress = epoch + (double) b / plan.size();
                    if (step % config.loggingSteps() == 0 || step == totalSteps) {
                        double elapsed = (System.nanoTime() - started) / 1e9;
                        double eta = elapsed / (step - startStep) * (totalSteps - step);
                        events.emit(log.close(step, epochProgress, update, eta));
                        log = new LogWindow(System.nanoTime());
                    }
                    boolean evalDue = (config.evalEverySteps() > 0 && step % config.evalEverySteps() == 0)
                            || b == plan.size() || step == totalSteps;
                    if (evalDue && evaluateAndSave()) {
                        return finish(TrainingSummary.StopReason.EARLY_STOPPED, started, samples);
                    }
                    if (cancelRequested.getAsBoolean()) {
                        Path checkpoint = lastSavedStep == step ? lastCheckpoint : save(null);
                        events.emit(new TrainingEvent.Cancelled(step, checkpoint));
                        return summary(TrainingSummary.StopReason.CANCELLED, started, samples);
                    }
                }
            }
        }
        return finish(TrainingSummary.StopReason.COMPLETED, started, samples);
    }

    /** Evaluates (when there is dev data) and saves a checkpoint; true when early stopping says stop. */
    private boolean evaluateAndSave() {
        Evaluation metrics = null;
        if (in.dev.size() > 0) {
            metrics = tuner.evaluate(manager);
            events.emit(new TrainingEvent.Eval(step, epochProgress, metrics));
            tracker = tracker.observe(metrics.metric(config.metricForBest()), step, config.greaterIsBetter(),
                    config.earlyStoppingMinDelta());
            if (tracker.improvedAt(step)) {
                bestEvaluation = metrics;
            }
        }
        save(metrics);
        return tracker.shouldStop(config.earlyStoppingPatience());
    }

    private Path save(Evaluation metrics) {
        String folder = "checkpoint-" + step;
        Path dir = in.outputDir.resolve(folder);
        Double metric = metrics == null ? null : metrics.metric(config.metricForBest());
        var latest = new TrainingState.KeptCheckpoint(step, folder, metric);
        List<TrainingState.KeptCheckpoint> survivors = CheckpointKeeper.keep(kept, latest,
                config.keepBestCheckpoints(), config.greaterIsBetter());
        TrainingState state = new TrainingState(TrainingState.FORMAT_VERSION, step, microBatches, position,
                config.seed(), tracker.best(), tracker.bestStep(), tracker.evalsWithoutImprovement(), bestEvaluation, survivors,
                config);
        Path partial = in.outputDir.resolve(folder + ".partial");
        try {
            // written aside and renamed, so a kill -9 never leaves a folder that looks complete but is not
            deleteRecursively(partial);
            Files.createDirectories(partial);
            in.checkpointWriter.write(partial, in.model, step, metrics);
            TrainingStateStore.save(partial, state, optimizer);
            deleteRecursively(dir);
            Files.move(partial, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            for (var old : kept) {
                if (!survivors.contains(old)) {
                    deleteRecursively(in.outputDir.resolve(old.folder()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save checkpoint " + dir + ": " + e.getMessage(), e);
        }
        kept = new ArrayList<>(survivors);
        lastSavedStep = step;
        lastCheckpoint = dir;
        events.emit(new TrainingEvent.CheckpointSaved(step, dir, metrics, metric != null && tracker.improvedAt(step)));
        return dir;
    }

    private TrainingSummary finish(TrainingSummary.StopReason reason, long started, long samples) {
        if (lastSavedStep != step) {
            evaluateAndSave();
        }
        TrainingSummary summary = summary(reason, started, samples);
        events.emit(new TrainingEvent.Finished(summary));
        return summary;
    }

    private TrainingSummary summary(TrainingSummary.StopReason reason, long started, long samples) {
        double seconds = (System.nanoTime() - started) / 1e9;
        var best = CheckpointKeeper.best(kept, config.greaterIsBetter());
        return new TrainingSummary(reason, step, position.epoch(), bestEvaluation,
                best == null ? null : in.outputDir.resolve(best.folder()), lastCheckpoint, seconds,
                seconds > 0 ? samples / seconds : 0);
    }

    /** Seed for torch's generator before micro-batch {@code n}: a SplitMix64 hash of (seed, n). */
    static int dropoutSeed(long seed, long n) {
        long z = seed * 0x9E3779B97F4A7C15L + n + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) ((z ^ (z >>> 31)) & 0x7FFFFFFF);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Loss and throughput between two Step events. */
    private static final class LogWindow {
        private final long startNanos;
        private double lossSum;
        private int lossCount;
        private long samples;

        LogWindow(long startNanos) {
            this.startNanos = startNanos;
        }

        void add(double loss, int rows) {
            lossSum += loss;
            lossCount++;
            samples += rows;
        }

        TrainingEvent.Step close(long step, double epoch, TrainStep.Update update, double eta) {
            double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
            return new TrainingEvent.Step(step, epoch, lossSum / lossCount, update.learningRate(), update.gradNorm(),
                    samples / seconds, eta);
        }
    }
}
