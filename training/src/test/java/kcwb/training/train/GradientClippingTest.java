package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** clip_grad_norm_ semantics: global norm over all gradients, scale max/(norm + 1e-6) only above max. */
class GradientClippingTest {
    @Test
    void scalesAllGradientsByTheGlobalNorm() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // loss = 3a + 4b·1 → grads 3 and [4, 0]: global norm 5, as sqrt(3² + 4²)
            List<Parameter> params = gradients(manager, 3f, 4f);
            double norm = GradientClipping.clipGlobalNorm(params, 1.0, manager);
            assertEquals(5.0, norm, 1e-6);
            float scale = (float) (1.0 / (5.0 + 1e-6));
            assertArrayEquals(new float[] {3 * scale}, params.get(0).getArray().getGradient().toFloatArray(), 1e-7f);
            assertArrayEquals(new float[] {4 * scale, 0}, params.get(1).getArray().getGradient().toFloatArray(), 1e-7f);
        }
    }

    @Test
    void leavesGradientsBelowTheLimitAlone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<Parameter> params = gradients(manager, 0.3f, 0.4f);
            assertEquals(0.5, GradientClipping.clipGlobalNorm(params, 1.0, manager), 1e-6);
            assertArrayEquals(new float[] {0.3f}, params.get(0).getArray().getGradient().toFloatArray());
        }
    }

    private static List<Parameter> gradients(NDManager manager, float ga, float gb) {
        NDArray a = manager.create(new float[] {1f});
        NDArray b = manager.create(new float[] {1f, 2f});
        a.setRequiresGradient(true);
        b.setRequiresGradient(true);
        try (GradientCollector collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray loss = a.mul(ga).sum().add(b.mul(manager.create(new float[] {gb, 0f})).sum());
            collector.backward(loss);
        }
        return List.of(Parameter.builder().setName("a").setType(Parameter.Type.WEIGHT).optArray(a).build(),
                Parameter.builder().setName("b").setType(Parameter.Type.WEIGHT).optArray(b).build());
    }
}
