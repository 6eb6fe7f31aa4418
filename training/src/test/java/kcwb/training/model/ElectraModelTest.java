package kcwb.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shapes, init and input checks on tiny configs, in the spirit of HF's ElectraModelTester. */
class ElectraModelTest {
    static NDList batch(NDManager manager, int batch, int seq, int vocab) {
        long[] ids = new long[batch * seq];
        long[] mask = new long[batch * seq];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 1 + (i * 7L) % (vocab - 1);
            mask[i] = (i % seq) < seq - (i / seq) ? 1 : 0;
        }
        Shape shape = new Shape(batch, seq);
        return new NDList(manager.create(ids, shape), manager.create(mask, shape), manager.zeros(shape,
                ai.djl.ndarray.types.DataType.INT64));
    }

    @Test
    void sequenceHeadGivesOneRowOfLogitsPerExample() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ElectraConfig config = ElectraConfig.tiny().withLabels(List.of("a", "b", "c"), null);
            var model = ElectraForSequenceClassification.create(config, manager, 1);
            NDArray logits = model.forward(new ParameterStore(manager, false), batch(manager, 3, 7, 99), false)
                    .singletonOrThrow();
            assertEquals(new Shape(3, 3), logits.getShape());
            assertEquals(model.getOutputShapes(new Shape[] {new Shape(3, 7)})[0], logits.getShape());
        }
    }

    @Test
    void tokenHeadGivesLogitsPerToken() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ElectraConfig config = new ElectraConfig(99, 16, 32, 2, 4, 37, "gelu", 0.1, 0.1, 64, 16, 1e-12, 0.02,
                    0, null, List.of("O", "B", "I", "X", "Y"), null);
            var model = ElectraForTokenClassification.create(config, manager, 1);
            NDArray logits = model.forward(new ParameterStore(manager, false), batch(manager, 2, 5, 99), true)
                    .singletonOrThrow();
            assertEquals(new Shape(2, 5, 5), logits.getShape());
            assertTrue(model.namedParameters().containsKey("electra.embeddings_project.weight"));
        }
    }

    @Test
    void initIsSeededAndFollowsHfInitWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ElectraConfig config = ElectraConfig.tiny();
            var first = ElectraForSequenceClassification.create(config, manager, 42);
            var same = ElectraForSequenceClassification.create(config, manager, 42);
            var other = ElectraForSequenceClassification.create(config, manager, 43);
            Map<String, Parameter> a = first.namedParameters();
            for (String key : a.keySet()) {
                assertArrayEquals(a.get(key).getArray().toFloatArray(),
                        same.namedParameters().get(key).getArray().toFloatArray(), key);
            }
            float[] words = a.get("electra.embeddings.word_embeddings.weight").getArray().toFloatArray();
            assertFalse(java.util.Arrays.equals(words,
                    other.namedParameters().get("electra.embeddings.word_embeddings.weight").getArray().toFloatArray()));
            for (int i = 0; i < config.embeddingSize(); i++) {
                assertEquals(0f, words[config.padTokenId() * config.embeddingSize() + i], "padding row is zero");
            }
            double std = std(a.get("electra.encoder.layer.0.intermediate.dense.weight").getArray().toFloatArray());
            assertEquals(config.initializerRange(), std, 0.002);
            assertTrue(allEqual(a.get("electra.encoder.layer.1.output.LayerNorm.weight"), 1f));
            assertTrue(allEqual(a.get("electra.encoder.layer.1.output.LayerNorm.bias"), 0f));
            assertTrue(allEqual(a.get("classifier.out_proj.bias"), 0f));
            assertEquals(new Shape(37, 32), a.get("electra.encoder.layer.0.intermediate.dense.weight").getShape(),
                    "Linear weights are [out, in] like PyTorch");
        }
    }

    @Test
    void badInputsAreRejectedBeforeNativeCode() {
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = ElectraForSequenceClassification.create(ElectraConfig.tiny(), manager, 1);
            ParameterStore store = new ParameterStore(manager, false);
            NDList good = batch(manager, 2, 4, 99);
            NDList badId = new NDList(good.get(0).add(1000), good.get(1), good.get(2));
            var error = assertThrows(IllegalArgumentException.class, () -> model.forward(store, badId, false));
            assertTrue(error.getMessage().contains("inputIds values must be in [0, 99)"), error.getMessage());
            NDList tooLong = batch(manager, 1, 513, 99);
            assertThrows(IllegalArgumentException.class, () -> model.forward(store, tooLong, false));
            NDList floats = new NDList(good.get(0).toType(ai.djl.ndarray.types.DataType.FLOAT32, false),
                    good.get(1), good.get(2));
            assertThrows(IllegalArgumentException.class, () -> model.forward(store, floats, false));
            assertThrows(IllegalArgumentException.class, () -> model.forward(store, new NDList(good.get(0)), false));
        }
    }

    @Test
    void geluIsTheExactErfForm() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] xs = {-6f, -3f, -1.5f, -0.5f, 0f, 0.3f, 1f, 2.5f, 8f};
            float[] got = ElectraModel.gelu(manager.create(xs)).toFloatArray();
            NDArray x = manager.create(xs);
            float[] erfForm = x.mul(0.5f).mul(x.div((float) Math.sqrt(2)).erf().add(1f)).toFloatArray();
            for (int i = 0; i < xs.length; i++) {
                assertEquals(erfForm[i], got[i], 1e-6f, "x=" + xs[i]);
            }
            // the tanh approximation differs by ~1e-3 at x=-1.5; the erf form is what HF's "gelu" is
            double tanh = 0.5 * -1.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (-1.5 + 0.044715 * Math.pow(-1.5, 3))));
            assertTrue(Math.abs(tanh - got[2]) > 1e-4, "must not be the tanh approximation");
        }
    }

    @Test
    void fullyPaddedRowsGetUniformAttentionLikeHfNotNan() {
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = ElectraForSequenceClassification.create(ElectraConfig.tiny(), manager, 3);
            NDList batch = batch(manager, 1, 4, 99);
            NDList noTokens = new NDList(batch.get(0), batch.get(1).zerosLike(), batch.get(2));
            float[] logits = model.forward(new ParameterStore(manager, false), noTokens, false).singletonOrThrow()
                    .toFloatArray();
            for (float v : logits) {
                assertTrue(Float.isFinite(v));
            }
        }
    }

    private static double std(float[] values) {
        double sum = 0;
        double squares = 0;
        for (float v : values) {
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / values.length;
        return Math.sqrt(squares / values.length - mean * mean);
    }

    private static boolean allEqual(Parameter parameter, float value) {
        for (float v : parameter.getArray().toFloatArray()) {
            if (v != value) {
                return false;
            }
        }
        return true;
    }
}
