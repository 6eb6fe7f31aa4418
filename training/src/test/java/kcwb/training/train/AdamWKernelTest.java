package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused one-pass AdamW kernel (CPU) against the array-op path (what a GPU runs): same parameters, moments and
 * zeroed gradients after several clipped, weight-decayed steps; and the kernel refuses arrays it cannot update in
 * place. (AdamWParityTest holds the kernel path to torch itself.)
 */
class AdamWKernelTest {
    @Test
    void kernelAndArrayOpPathsAgreeAndBothLeaveGradientsZero() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Run fused = new Run(manager, false);
            Run ops = new Run(manager, true);
            Random random = new Random(7);
            for (int step = 0; step < 5; step++) {
                float[] target = new float[300_000];
                for (int i = 0; i < target.length; i++) {
                    target[i] = (float) random.nextGaussian() * (i % 97 == 0 ? 1e-9f : 1f);
                }
                double clip = step % 2 == 0 ? 0.25 : 1.0;
                fused.step(manager, target, clip);
                ops.step(manager, target, clip);
            }
            assertArrayEquals(ops.weight.toFloatArray(), fused.weight.toFloatArray(), 1e-6f, "decayed weight");
            assertArrayEquals(ops.bias.toFloatArray(), fused.bias.toFloatArray(), 1e-6f, "bias");
            assertArrayEquals(ops.adam.stateArrays().get("exp_avg_sq.weight").toFloatArray(),
                    fused.adam.stateArrays().get("exp_avg_sq.weight").toFloatArray(), 1e-6f, "exp_avg_sq");
            assertEquals(0f, fused.weight.getGradient().abs().sum().getFloat(), "kernel zeroes the gradient");
            assertEquals(0f, ops.weight.getGradient().abs().sum().getFloat(), "array ops zero the gradient");
        }
    }

    @Test
    void onlyContiguousCpuFloat32StorageIsUpdatedInPlace() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertNotNull(AdamWKernel.storageOf(manager.ones(new Shape(4, 3))));
            assertNull(AdamWKernel.storageOf(manager.ones(new Shape(4, 3), DataType.FLOAT64)));
            assertNull(AdamWKernel.storageOf(manager.ones(new Shape(4, 3)).transpose()), "a transposed view");
        }
    }

    /** One weight (with decay) and one bias (without), sized so the kernel splits the weight into chunks. */
    private static final class Run {
        final NDArray weight;
        final NDArray bias;
        final AdamW adam;

        Run(NDManager manager, boolean arrayOps) {
            weight = manager.arange(300_000f).div(300_000f).sub(0.5f);
            bias = manager.ones(new Shape(3));
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            var parameters = new LinkedHashMap<String, Parameter>();
            parameters.put("weight", Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                    .optArray(weight).build());
            parameters.put("bias", Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                    .optArray(bias).build());
            AdamW optimizer = new AdamW(parameters, 0.9, 0.999, 1e-8, 0.01, manager);
            adam = arrayOps ? optimizer.withoutKernel() : optimizer;
        }

        void step(NDManager manager, float[] target, double clip) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray t = scope.create(target);
                try (var collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(t.mul(weight).sum().add(bias.mul(bias).sum()));
                }
            }
            adam.step(1e-3, clip);
        }
    }
}
