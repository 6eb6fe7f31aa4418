package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Cross-entropy and BCE-with-logits against torch.nn.functional (optim/make_fixture.py). */
class LossFunctionTest {
    @Test
    void matchTorch() {
        JsonNode f = OptimizerFixture.load().root.get("loss_functions");
        JsonNode logits = f.get("logits");
        float[] flat = new float[logits.size() * 3];
        float[] multiHot = new float[flat.length];
        long[] classes = new long[logits.size()];
        for (int r = 0; r < logits.size(); r++) {
            classes[r] = f.get("classes").get(r).asLong();
            for (int c = 0; c < 3; c++) {
                flat[r * 3 + c] = (float) logits.get(r).get(c).asDouble();
                multiHot[r * 3 + c] = (float) f.get("multi_hot").get(r).get(c).asDouble();
            }
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            var x = manager.create(flat, new Shape(logits.size(), 3));
            double ce = LossFunction.crossEntropy().compute(x, manager.create(classes)).getFloat();
            double bce = LossFunction.binaryCrossEntropyWithLogits()
                    .compute(x, manager.create(multiHot, new Shape(logits.size(), 3))).getFloat();
            assertEquals(f.get("cross_entropy").asDouble(), ce, 1e-5);
            assertEquals(f.get("bce_with_logits").asDouble(), bce, 1e-5);
        }
    }
}
