package kcwb.training.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import kcwb.training.model.HfModule;

/**
 * One HF-Trainer optimisation step, split in its two halves: {@link #accumulate} runs forward and backward
 * for a micro-batch with the loss divided by the accumulation window (gradients add up on the parameters),
 * {@link #update} clips the global gradient norm, applies AdamW at the scheduled learning rate and zeroes
 * the gradients (AdamW does the last two in one pass).
 */
public final class TrainStep {
    private final HfModule model;
    private final LossFunction loss;
    private final AdamW optimizer;
    private final LinearWarmupDecaySchedule schedule;
    private final double maxGradNorm;
    private final ParameterStore parameterStore;
    private final NDManager scratchParent;

    public TrainStep(HfModule model, LossFunction loss, AdamW optimizer, LinearWarmupDecaySchedule schedule,
            double maxGradNorm, NDManager scratchParent) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.maxGradNorm = maxGradNorm;
        this.scratchParent = scratchParent;
        this.parameterStore = new ParameterStore(scratchParent, false);
    }

    /** Outcome of one optimiser update: the learning rate it used and the gradient norm before clipping. */
    public record Update(long step, double learningRate, double gradNorm) {}

    /**
     * Forward + backward of one micro-batch (training mode) with the loss scaled by 1/{@code windowSize};
     * returns the unscaled loss. Dropout draws from torch's generator, seeded with {@code dropoutSeed}.
     */
    public double accumulate(NDList inputs, NDArray labels, int windowSize, int dropoutSeed) {
        Engine.getInstance().setRandomSeed(dropoutSeed);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logits = model.forward(parameterStore, inputs, true).head();
            NDArray value = loss.compute(logits, labels);
            double lossValue = value.getFloat();
            if (!Double.isFinite(lossValue)) {
                throw new IllegalStateException("the training loss became " + lossValue
                        + " (diverged); lower the learning rate or check the data");
            }
            collector.backward(windowSize == 1 ? value : value.div(windowSize));
            return lossValue;
        }
    }

    /**
     * Clip, AdamW step at the scheduled rate, zero gradients: the global norm is measured here and the clip
     * coefficient handed to AdamW, which scales, updates and zeroes each gradient in the same pass.
     */
    public Update update() {
        double lr = schedule.learningRate(optimizer.stepCount());
        double norm;
        try (NDManager scratch = scratchParent.newSubManager()) {
            norm = GradientClipping.globalNorm(model.namedParameters().values(), scratch);
        }
        optimizer.step(lr, GradientClipping.coefficient(norm, maxGradNorm));
        return new Update(optimizer.stepCount(), lr, norm);
    }
}
