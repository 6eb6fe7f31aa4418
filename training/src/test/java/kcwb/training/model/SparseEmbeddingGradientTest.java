package kcwb.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Row-sparse word-embedding gradients ({@link HfModule#useSparseEmbeddingGradients()}) add into the dense
 * gradient exactly what the dense backward adds, over two accumulated backwards, padding row included (no
 * gradient), and the gradient stays a dense array.
 */
class SparseEmbeddingGradientTest {
    @Test
    void sparseAndDenseEmbeddingBackwardsAccumulateTheSameGradient() {
        // 33,000 × 32 word embedding: above the 1 M-element size where the table switches to sparse updates
        ElectraConfig config = ElectraConfig.tiny().withVocabSize(33000).withDropout(0.0)
                .withLabels(List.of("a", "b"), ElectraConfig.SINGLE_LABEL);
        try (NDManager manager = NDManager.newBaseManager()) {
            var dense = ElectraForSequenceClassification.create(config, manager, 3);
            var sparse = ElectraForSequenceClassification.create(config, manager, 3);
            for (var model : List.of(dense, sparse)) {
                prepareDenseGradients(model, manager);
            }
            sparse.useSparseEmbeddingGradients();
            long[][] batches = {{5, 9, 9, 32999, 0, 0}, {7, 5, 1, 2, 3, 0}};
            for (long[] ids : batches) {
                for (var model : List.of(dense, sparse)) {
                    backward(model, manager, ids);
                }
            }
            String key = "electra.embeddings.word_embeddings.weight";
            NDArray sparseGrad = sparse.namedParameters().get(key).getArray().getGradient();
            assertFalse(sparseGrad.isSparse(), "the gradient stays dense");
            float[] expected = dense.namedParameters().get(key).getArray().getGradient().toFloatArray();
            // Same sums in another order (dense table add vs index_add; torch's threads split them differently from
            // run to run): float rounding of ~1e-6 seen in CI. A lost or doubled row would be off by ~1e-3.
            assertArrayEquals(expected, sparseGrad.toFloatArray(), 1e-5f);
            assertFalse(allZero(expected), "the batch must reach the embedding");
        }
    }

    @Test
    void withoutADenseGradientFirstTheTableWouldGetASparseOne() {
        ElectraConfig config = ElectraConfig.tiny().withVocabSize(33000)
                .withLabels(List.of("a", "b"), ElectraConfig.SINGLE_LABEL);
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = ElectraForSequenceClassification.create(config, manager, 3);
            model.namedParameters().values().forEach(p -> p.getArray().setRequiresGradient(true));
            model.useSparseEmbeddingGradients();
            backward(model, manager, new long[] {5, 9, 9, 4, 0, 0});
            var parameters = model.namedParameters();
            assertTrue(parameters.get("electra.embeddings.word_embeddings.weight").getArray().getGradient().isSparse(),
                    "the word embedding takes the row-sparse path (hence FineTuner's dense gradients first)");
            assertFalse(parameters.get("electra.embeddings.position_embeddings.weight").getArray().getGradient()
                    .isSparse(), "small tables stay dense");
        }
    }

    private static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }

    private static void prepareDenseGradients(HfModule model, NDManager manager) {
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray zero = scope.zeros(new Shape());
            NDArray total = zero;
            for (var p : model.namedParameters().values()) {
                p.getArray().setRequiresGradient(true);
                total = total.add(zero.mul(p.getArray()).sum());
            }
            collector.backward(total);
        }
    }

    private static void backward(ElectraForSequenceClassification model, NDManager manager, long[] ids) {
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            Shape shape = new Shape(2, 3);
            long[] mask = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                mask[i] = ids[i] == 0 ? 0 : 1;
            }
            NDList inputs = new NDList(scope.create(ids, shape), scope.create(mask, shape), scope.zeros(shape,
                    ai.djl.ndarray.types.DataType.INT64));
            NDArray logits = model.forward(new ParameterStore(scope, false), inputs, true).head();
            collector.backward(model.loss(logits, scope.create(new long[] {0, 1})));
        }
    }
}
