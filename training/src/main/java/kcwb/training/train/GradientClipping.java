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
        NDList grads = new NDList();
        for (Parameter parameter : parameters) {
            NDArray array = parameter.getArray();
            if (array.hasGradient()) {
                NDArray grad = array.getGradient();
                grad.attach(scratch);
                grads.add(grad);
            }
        }
        if (grads.isEmpty()) {
            return 0.0;
        }
        NDList norms = new NDList();
        for (NDArray grad : grads) {
            norms.add(grad.norm());
        }
        double total = NDArrays.stack(norms).norm().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
        double coefficient = maxNorm / (total + 1e-6);
        if (maxNorm > 0 && coefficient < 1.0) {
            for (NDArray grad : grads) {
                grad.muli(coefficient);
            }
        }
        return total;
    }
}
