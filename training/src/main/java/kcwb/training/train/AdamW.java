package kcwb.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * torch.optim.AdamW, step for step (the single-tensor CPU path of torch 2.x), on DJL arrays:
 * <pre>
 *   p ← p · (1 − lr·wd)                       decoupled weight decay, only where {@link WeightDecayRule} says so
 *   m ← β1·m + (1 − β1)·g;   v ← β2·v + (1 − β2)·g²
 *   p ← p − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε)
 * </pre>
 * State (t, m, v) exports to and restores from named arrays {@code exp_avg.<param>} / {@code exp_avg_sq.<param>}
 * (safetensors-friendly) for resume. Call {@link #step(double)} outside a gradient collector.
 */
public final class AdamW implements AutoCloseable {
    private final SequencedMap<String, Parameter> parameters;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final NDManager stateManager;
    private final Map<String, NDArray> expAvg = new LinkedHashMap<>();
    private final Map<String, NDArray> expAvgSq = new LinkedHashMap<>();
    private long step;

    public AdamW(SequencedMap<String, Parameter> parameters, double beta1, double beta2, double epsilon,
            double weightDecay, NDManager stateManager) {
        this.parameters = parameters;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.stateManager = stateManager;
    }

    public static AdamW of(SequencedMap<String, Parameter> parameters, TrainingConfig config, NDManager stateManager) {
        return new AdamW(parameters, config.adamBeta1(), config.adamBeta2(), config.adamEpsilon(),
                config.weightDecay(), stateManager);
    }

    /** Optimiser steps taken so far. */
    public long stepCount() {
        return step;
    }

    /**
     * One update with learning rate {@code lr}, using the gradients currently on the parameters, which it uses as
     * scratch space (they hold garbage afterwards: the caller zeroes them before the next backward). Every op is
     * in place on arrays that live across steps: a parameter-sized temporary (the embedding's is 54k × 256, 56 MB)
     * is a fresh mmap that the kernel must fault in page by page, which costs far more than the arithmetic;
     * DJL's fused adamUpdate allocates several per call. Per parameter, with g the gradient:
     * <pre>
     *   p ·= 1 − lr·wd                                (only where WeightDecayRule says so)
     *   m ·= β1;  g ·= 1 − β1;  m += g                 m = β1·m + (1 − β1)·g
     *   v ·= β2;  g ·= g;  g ·= (1 − β2)/(1 − β1)²;  v += g
     *   g = v;  g = √g / √(1 − β2^t) + ε               torch's denom, same ops in the same order
     *   g = 1/g;  g ·= m;  g ·= −lr/(1 − β1^t);  p += g
     * </pre>
     * which is torch's single-tensor AdamW up to float rounding (torch's lerp and addcdiv round once where this
     * rounds twice; AdamWParityTest holds it to the fixture within 1e-5).
     */
    public void step(double lr) {
        step++;
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        float gradScale = (float) (1 - beta1);
        float squareScale = (float) ((1 - beta2) / ((1 - beta1) * (1 - beta1)));
        float negativeStepSize = (float) (-lr / biasCorrection1);
        for (var entry : parameters.entrySet()) {
            NDArray param = entry.getValue().getArray();
            if (!param.hasGradient()) {
                continue;
            }
            String name = entry.getKey();
            NDArray m = expAvg.computeIfAbsent(name, n -> stateManager.zeros(param.getShape(), param.getDataType()));
            NDArray v = expAvgSq.computeIfAbsent(name, n -> stateManager.zeros(param.getShape(), param.getDataType()));
            try (NDManager scratch = stateManager.newSubManager()) {
                NDArray g = param.getGradient();
                g.attach(scratch);
                if (weightDecay != 0 && WeightDecayRule.decays(name)) {
                    param.muli(1 - lr * weightDecay);
                }
                m.muli((float) beta1);
                g.muli(gradScale);
                m.addi(g);
                v.muli((float) beta2);
                g.muli(g).muli(squareScale);
                v.addi(g);
                g.muli(0f).addi(v);
                g.powi(0.5f).divi((float) biasCorrection2Sqrt).addi((float) epsilon);
                g.powi(-1f).muli(m).muli(negativeStepSize);
                param.addi(g);
            }
        }
    }

    /** The moments as named arrays ({@code exp_avg.<param>}, {@code exp_avg_sq.<param>}); live views, do not close. */
    public NDList stateArrays() {
        NDList list = new NDList();
        expAvg.forEach((name, array) -> {
            array.setName("exp_avg." + name);
            list.add(array);
        });
        expAvgSq.forEach((name, array) -> {
            array.setName("exp_avg_sq." + name);
            list.add(array);
        });
        return list;
    }

    /** Restores moments saved by {@link #stateArrays()} and the step count; copies the arrays. */
    public void loadState(NDList arrays, long stepCount) {
        expAvg.values().forEach(NDArray::close);
        expAvgSq.values().forEach(NDArray::close);
        expAvg.clear();
        expAvgSq.clear();
        for (NDArray array : arrays) {
            String name = array.getName();
            boolean first = name.startsWith("exp_avg.");
            String param = name.substring(first ? "exp_avg.".length() : "exp_avg_sq.".length());
            Parameter parameter = parameters.get(param);
            if (parameter == null || !(first || name.startsWith("exp_avg_sq."))) {
                throw new IllegalArgumentException("optimizer state names an unknown parameter: " + name);
            }
            if (!parameter.getArray().getShape().equals(array.getShape())) {
                throw new IllegalArgumentException("optimizer state " + name + " has shape " + array.getShape()
                        + " but the parameter has " + parameter.getArray().getShape());
            }
            NDArray copy = array.toDevice(parameter.getArray().getDevice(), true).duplicate();
            copy.attach(stateManager);
            (first ? expAvg : expAvgSq).put(param, copy);
        }
        this.step = stepCount;
    }

    @Override
    public void close() {
        expAvg.values().forEach(NDArray::close);
        expAvgSq.values().forEach(NDArray::close);
    }
}
