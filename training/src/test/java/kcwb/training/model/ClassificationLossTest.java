package kcwb.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cross-entropy, BCE and token losses are checked against transformers in ElectraParityTest; here: MSE, HF's
 * problem-type rule, numerical stability, and label validation.
 */
class ClassificationLossTest {
    @Test
    void regressionIsMeanSquaredErrorOnSqueezedLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ElectraConfig config = ElectraConfig.tiny().withLabels(List.of("score"), null);
            NDArray logits = manager.create(new float[] {0.5f, -1f, 2f}, new Shape(3, 1));
            NDArray targets = manager.create(new float[] {1f, -1f, 0f});
            double expected = (0.25 + 0 + 4) / 3;
            assertEquals(expected, ClassificationLoss.sequence(config, logits, targets).getFloat(), 1e-6);
        }
    }

    @Test
    void withoutProblemTypeIntegerLabelsMeanSingleLabelAndFloatLabelsMultiLabel() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ElectraConfig config = ElectraConfig.tiny().withLabels(List.of("a", "b"), null);
            NDArray logits = manager.create(new float[] {2f, -1f, 0f, 3f}, new Shape(2, 2));
            NDArray ids = manager.create(new long[] {0, 1});
            NDArray targets = manager.create(new float[] {1f, 0f, 0f, 1f}, new Shape(2, 2));
            assertEquals(ClassificationLoss.crossEntropy(logits, ids).getFloat(),
                    ClassificationLoss.sequence(config, logits, ids).getFloat());
            assertEquals(ClassificationLoss.bceWithLogits(logits, targets).getFloat(),
                    ClassificationLoss.sequence(config, logits, targets).getFloat());
        }
    }

    @Test
    void lossesStayFiniteForHugeLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(new float[] {1000f, -1000f, -1000f, 1000f}, new Shape(2, 2));
            float bce = ClassificationLoss.bceWithLogits(logits,
                    manager.create(new float[] {0f, 1f, 0f, 1f}, new Shape(2, 2))).getFloat();
            assertEquals(500f, bce, 1e-3f, "two of four elements are wrong by 1000 in softplus terms");
            float ce = ClassificationLoss.crossEntropy(logits, manager.create(new long[] {1, 1})).getFloat();
            assertEquals(1000f, ce, 1e-3f);
        }
    }

    @Test
    void outOfRangeOrAllIgnoredLabelsAreErrorsNotSilentZeros() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.zeros(new Shape(2, 3));
            var error = assertThrows(IllegalArgumentException.class,
                    () -> ClassificationLoss.crossEntropy(logits, manager.create(new long[] {0, 3})));
            assertTrue(error.getMessage().contains("[0, 3)"), error.getMessage());
            NDArray tokenLogits = manager.zeros(new Shape(1, 2, 3));
            assertThrows(IllegalArgumentException.class, () -> ClassificationLoss.tokenCrossEntropy(tokenLogits,
                    manager.create(new long[] {-100, -100}, new Shape(1, 2))));
            assertThrows(IllegalArgumentException.class, () -> ClassificationLoss.tokenCrossEntropy(tokenLogits,
                    manager.create(new long[] {-1, 0}, new Shape(1, 2))));
            assertThrows(IllegalArgumentException.class, () -> ClassificationLoss.bceWithLogits(logits,
                    manager.zeros(new Shape(2, 2))));
        }
    }
}
