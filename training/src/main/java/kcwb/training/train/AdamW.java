package kcwb.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * (safetensors-friendly) for resume. Call {@link #step(double, double)} outside a gradient collector; it leaves
 * the gradients zero.
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
    private final AdamWKernel kernel = new AdamWKernel(Integer.getInteger("ai.djl.pytorch.num_threads",
            Runtime.getRuntime().availableProcessors()));
    private boolean kernelEnabled = true;
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

    /** Makes every parameter take the array-op path, as on a GPU (tests compare the two paths on the CPU). */
    AdamW withoutKernel() {
        kernelEnabled = false;
        return this;
    }

    /** Optimiser steps taken so far. */
    public long stepCount() {
        return step;
    }

    /** One update at learning rate {@code lr} with the gradients as they are; see {@link #step(double, double)}. */
    public void step(double lr) {
        step(lr, 1.0);
    }

    /**
     * One update at learning rate {@code lr} with every gradient first multiplied by {@code gradScale} (the
     * global-norm clip coefficient, folded in here to save a pass over the gradients); leaves every gradient
     * zero for the next backward. CPU float32 parameters go through {@link AdamWKernel} (one pass over memory);
     * anything else (a GPU) through {@link #stepWithArrayOps}.
     */
    public void step(double lr, double gradScale) {
        step++;
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        var coefficients = new AdamWKernel.Coefficients((float) gradScale, (float) (1 - lr * weightDecay),
                (float) (1 - beta1), (float) beta2, (float) (1 - beta2), (float) biasCorrection2Sqrt,
                (float) epsilon, (float) (-lr / biasCorrection1));
        List<AdamWKernel.Slot> slots = new ArrayList<>();
        try (NDManager scratch = stateManager.newSubManager()) {
            for (var entry : parameters.entrySet()) {
                NDArray param = entry.getValue().getArray();
                if (!param.hasGradient()) {
                    continue;
                }
                String name = entry.getKey();
                NDArray m = expAvg.computeIfAbsent(name, n -> stateManager.zeros(param.getShape(), param.getDataType()));
                NDArray v = expAvgSq.computeIfAbsent(name, n -> stateManager.zeros(param.getShape(), param.getDataType()));
                NDArray g = param.getGradient();
                g.attach(scratch);
                boolean decay = weightDecay != 0 && WeightDecayRule.decays(name);
                AdamWKernel.Slot slot = kernelEnabled ? slotOf(param, g, m, v, decay) : null;
                if (slot != null) {
                    slots.add(slot);
                } else {
                    stepWithArrayOps(param, g, m, v, decay, lr, gradScale, biasCorrection1, biasCorrection2Sqrt);
                }
            }
            kernel.update(slots, coefficients);
        }
    }

    private static AdamWKernel.Slot slotOf(NDArray param, NDArray g, NDArray m, NDArray v, boolean decay) {
        var p = AdamWKernel.storageOf(param);
        var gs = p == null ? null : AdamWKernel.storageOf(g);
        var ms = gs == null ? null : AdamWKernel.storageOf(m);
        var vs = ms == null ? null : AdamWKernel.storageOf(v);
        if (vs == null || gs.byteSize() != p.byteSize() || ms.byteSize() != p.byteSize() || vs.byteSize() != p.byteSize()) {
            return null;
        }
        return new AdamWKernel.Slot(p, gs, ms, vs, decay);
    }

    /**
     * The same update as {@link AdamWKernel} with in-place DJL array ops on long-lived arrays (for devices the
     * kernel cannot reach), using the gradient as scratch and zeroing it at the end:
     * <pre>
     *   g ·= clip;  p ·= 1 − lr·wd                    (decay only where WeightDecayRule says so)
     *   m ·= β1;  g ·= 1 − β1;  m += g                 m = β1·m + (1 − β1)·g
     *   v ·= β2;  g ·= g;  g ·= (1 − β2)/(1 − β1)²;  v += g
     *   g = v;  g = √g / √(1 − β2^t) + ε               torch's denom, same ops in the same order
     *   g = 1/g;  g ·= m;  g ·= −lr/(1 − β1^t);  p += g;  g = 0
     * </pre>
     * A fresh parameter-sized temporary would be an mmap faulted in page by page, dearer than the arithmetic.
     */
    private void stepWithArrayOps(NDArray param, NDArray g, NDArray m, NDArray v, boolean decay, double lr,
            double gradScale, double biasCorrection1, double biasCorrection2Sqrt) {
        if (gradScale != 1.0) {
            g.muli((float) gradScale);
        }
        if (decay) {
            param.muli(1 - lr * weightDecay);
        }
        m.muli((float) beta1);
        g.muli((float) (1 - beta1));
        m.addi(g);
        v.muli((float) beta2);
        g.muli(g).muli((float) ((1 - beta2) / ((1 - beta1) * (1 - beta1))));
        v.addi(g);
        g.muli(0f).addi(v);
        g.powi(0.5f).divi((float) biasCorrection2Sqrt).addi((float) epsilon);
        g.powi(-1f).muli(m).muli((float) (-lr / biasCorrection1));
        param.addi(g);
        g.muli(0f);
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
        kernel.close();
        expAvg.values().forEach(NDArray::close);
        expAvgSq.values().forEach(NDArray::close);
    }
}
