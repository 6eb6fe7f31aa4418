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
     * One update with learning rate {@code lr}, using the gradients currently on the parameters. The moment
     * and parameter update run in DJL's fused native Adam kernel (one native call per parameter instead of a
     * dozen): it computes {@code p − c·m/(√v + ε')}, which equals torch's formula with
     * {@code c = lr·√(1 − β2^t)/(1 − β1^t)} and {@code ε' = ε·√(1 − β2^t)}. Weight decay is applied first,
     * separately, exactly as torch does (the moments do not depend on p, so the order is the same).
     */
    public void step(double lr) {
        step++;
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        float correctedRate = (float) (lr / biasCorrection1 * biasCorrection2Sqrt);
        float correctedEpsilon = (float) (epsilon * biasCorrection2Sqrt);
        for (var entry : parameters.entrySet()) {
            NDArray param = entry.getValue().getArray();
            if (!param.hasGradient()) {
                continue;
            }
            String name = entry.getKey();
            NDArray m = expAvg.computeIfAbsent(name, n -> stateManager.zeros(param.getShape(), param.getDataType()));
            NDArray v = expAvgSq.computeIfAbsent(name, n -> stateManager.zeros(param.getShape(), param.getDataType()));
            try (NDManager scratch = stateManager.newSubManager()) {
                NDArray grad = param.getGradient();
                grad.attach(scratch);
                if (weightDecay != 0 && WeightDecayRule.decays(name)) {
                    param.muli(1 - lr * weightDecay);
                }
                param.getNDArrayInternal().adamUpdate(new NDList(param, grad, m, v), new NDList(param), (float) lr,
                        correctedRate, 0f, 1f, -1f, (float) beta1, (float) beta2, correctedEpsilon, true, false);
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
