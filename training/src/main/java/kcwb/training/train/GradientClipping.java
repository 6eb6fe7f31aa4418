package kcwb.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.Collection;

/**
 * {@code torch.nn.utils.clip_grad_norm_}: the global L2 norm over all gradients; when it exceeds
 * {@code maxNorm}, every gradient is scaled by {@code maxNorm / (norm + 1e-6)}. (DJL's optClipGrad clamps
 * each element instead, which is a different optimiser.)
 */
public final class GradientClipping {
    private GradientClipping() {}

    /** Clips in place and returns the norm before clipping; {@code maxNorm} 0 only measures. */
    public static double clipGlobalNorm(Collection<Parameter> parameters, double maxNorm, NDManager scratch) {
        double total = globalNorm(parameters, scratch);
        double coefficient = coefficient(total, maxNorm);
        if (coefficient != 1.0) {
            for (Parameter parameter : parameters) {
                NDArray array = parameter.getArray();
                if (array.hasGradient()) {
                    NDArray grad = array.getGradient();
                    grad.attach(scratch);
                    grad.muli(coefficient);
                }
            }
        }
        return total;
    }

    /**
     * The factor clip_grad_norm_ multiplies every gradient by: {@code maxNorm / (norm + 1e-6)} when that is below
     * 1, else 1 ({@code maxNorm} 0 means no clipping). {@link AdamW#step(double, double)} takes it directly.
     */
    public static double coefficient(double globalNorm, double maxNorm) {
        double coefficient = maxNorm / (globalNorm + 1e-6);
        return maxNorm > 0 && coefficient < 1.0 ? coefficient : 1.0;
    }

    /** The L2 norm over all gradients together (0 when there are none). */
    public static double globalNorm(Collection<Parameter> parameters, NDManager scratch) {
        NDList norms = new NDList();
        for (Parameter parameter : parameters) {
            NDArray array = parameter.getArray();
            if (array.hasGradient()) {
                NDArray grad = array.getGradient();
                grad.attach(scratch);
                norms.add(grad.norm());
            }
        }
        if (norms.isEmpty()) {
            return 0.0;
        }
        return NDArrays.stack(norms).norm().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
    }
}
