package kcwb.training.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import kcwb.training.eval.Evaluation;
import kcwb.training.model.HfModule;
import kcwb.training.model.NoGrad;

/**
 * Fine-tunes an {@link HfModule} like HF Trainer (our own loop, not DJL's Trainer, whose clipping differs):
 * seeded length-bucketed batches, loss/accumulation, global-norm clipping, AdamW, linear warmup/decay;
 * dev evaluation every N steps and at each epoch end; best-k + last checkpoints with resume state; early
 * stopping; {@link #cancel()} from any thread stops after the current step with a resumable checkpoint.
 * Dropout is reproducible: before each micro-batch torch's generator is seeded from (seed, micro-batch
 * number) via {@code Engine.setRandomSeed}, and the number is saved, so a resumed run draws the same masks.
 */
public final class FineTuner {
    final FineTunerBuilder in;
    private final Batcher trainBatcher;
    private final Evaluator evaluator;
    private final EventEmitter events;
    private volatile boolean cancelRequested;

    FineTuner(FineTunerBuilder builder) {
        this.in = builder;
        TrainingConfig c = builder.config;
        int numLabels = builder.labels.size();
        this.trainBatcher = new Batcher(builder.train, builder.encoder, c.maxLength(), numLabels, c.problemType());
        Batcher devBatcher = new Batcher(builder.dev, builder.encoder, c.maxLength(), numLabels, c.problemType());
        this.evaluator = new Evaluator(devBatcher, c.evalBatchSize(), builder.loss, c.problemType(), builder.labels);
        this.events = new EventEmitter(builder.listeners);
    }

    public static FineTunerBuilder builder() {
        return new FineTunerBuilder();
    }

    /** CUDA when DJL finds a GPU, else CPU: where callers should create the model. */
    public static Device defaultDevice() {
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /** Asks the run to stop after the current optimiser step, saving a resumable checkpoint. Any thread. */
    public void cancel() {
        cancelRequested = true;
    }

    /** Trains from scratch (the model's current weights, step 0). */
    public TrainingSummary run() {
        TrainingState fresh = new TrainingState(TrainingState.FORMAT_VERSION, 0, 0, DataPosition.START,
                in.config.seed(), null, -1, 0, null, List.of(), in.config);
        return execute(fresh, null);
    }

    /** Continues from a checkpoint folder this engine wrote: weights, optimiser, schedule, data position, RNG. */
    public TrainingSummary resume(Path checkpointDir) {
        if (in.checkpointReader == null) {
            throw new IllegalStateException("resume needs a checkpoint reader (FineTunerBuilder.optCheckpointReader)");
        }
        try {
            TrainingState state = TrainingStateStore.readState(checkpointDir);
            if (!resumableWith(state.config(), in.config)) {
                throw new IllegalArgumentException("the checkpoint " + checkpointDir + " was trained with a different "
                        + "configuration; resume needs the same one (only more epochs may be added).\n saved: "
                        + state.config() + "\n given: " + in.config);
            }
            in.checkpointReader.readInto(checkpointDir, in.model);
            return execute(state, checkpointDir);
        } catch (IOException e) {
            String message = "cannot resume from " + checkpointDir + ": " + e.getMessage();
            events.emit(new TrainingEvent.Failed(message, e));
            throw new UncheckedIOException(message, e);
        }
    }

    /**
     * Resume needs the saved config, except that more epochs may be given ("continue for N more epochs"): the
     * learning-rate schedule then spans the new total, as HF Trainer's does when resumed with more epochs.
     */
    static boolean resumableWith(TrainingConfig saved, TrainingConfig given) {
        if (saved.equals(given)) {
            return true;
        }
        return saved.maxSteps() == 0 && given.epochs() > saved.epochs()
                && saved.toBuilder().optEpochs(given.epochs()).build().equals(given);
    }

    private TrainingSummary execute(TrainingState state, Path resumeDir) {
        DataValidation.check(in.train, "train", in.labels.size(), in.config.problemType());
        DataValidation.check(in.dev, "dev", in.labels.size(), in.config.problemType());
        // a run may be on any thread (the GUI's training thread); the steps' gradient collectors record gradients
        return NoGrad.call(() -> executeWithoutGrad(state, resumeDir));
    }

    private TrainingSummary executeWithoutGrad(TrainingState state, Path resumeDir) {
        Device device = in.model.namedParameters().firstEntry().getValue().getArray().getDevice();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            checkOutputWidth(manager);
            prepareGradients(manager);
            try (AdamW optimizer = AdamW.of(in.model.namedParameters(), in.config, manager)) {
                if (resumeDir != null) {
                    try (NDManager loadScope = manager.newSubManager()) {
                        NDList moments = TrainingStateStore.readOptimizer(resumeDir, loadScope);
                        optimizer.loadState(moments, state.optimizerStep());
                    }
                }
                TrainingRun run = new TrainingRun(this, trainBatcher, evaluator, events, optimizer, manager, state);
                return run.execute(device.toString(), () -> cancelRequested);
            }
        } catch (IOException e) {
            events.emit(new TrainingEvent.Failed(e.getMessage(), e));
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            events.emit(new TrainingEvent.Failed(String.valueOf(e.getMessage()), e));
            throw e;
        }
    }

    /** A model with the wrong number of outputs fails here, with a clear message, before any step. */
    private void checkOutputWidth(NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            HostBatch probe = trainBatcher.batch(new int[] {0});
            NDArray logits = in.model.forward(new ParameterStore(scope, false), probe.inputs(scope), false).head();
            long width = logits.getShape().get(logits.getShape().dimension() - 1);
            if (width != in.labels.size()) {
                throw new IllegalArgumentException("the model predicts " + width + " labels but the data has "
                        + in.labels.size() + " " + in.labels);
            }
        }
    }

    /**
     * Weights loaded with setArray carry no gradient yet; training needs one on every parameter, dense (one
     * backward of {@code sum(0 · p)} creates them) so that the word embedding can then switch to row-sparse
     * gradient updates ({@link HfModule#useSparseEmbeddingGradients()}) that add into it.
     */
    private void prepareGradients(NDManager manager) {
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray zero = scope.zeros(new Shape());
            NDArray total = zero;
            for (var parameter : in.model.namedParameters().values()) {
                NDArray array = parameter.getArray();
                if (parameter.requiresGradient() && !array.hasGradient()) {
                    array.setRequiresGradient(true);
                }
                if (array.hasGradient()) {
                    total = total.add(zero.mul(array).sum());
                }
            }
            if (total != zero) {
                collector.backward(total);
            }
        }
        in.model.useSparseEmbeddingGradients();
    }

    Evaluation evaluate(NDManager manager) {
        return evaluator.evaluate(in.model, manager);
    }
}
