package kcwb.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same weights, same inputs as HF transformers 5.17 (fixtures/electra/make_fixture.py): logits and loss within
 * 1e-5, every parameter gradient within 1e-4 of the largest expected magnitude of that tensor.
 *
 * <p>The gradient of the attention key bias is analytically zero (softmax ignores a per-query constant), so both
 * sides hold float noise near 1e-9 there, which no relative bound can compare. So each tensor's error is taken
 * relative to max(its largest expected element, {@link #GRADIENT_FLOOR} × the largest expected gradient element in
 * the whole model); the key bias is separately checked to be near zero.
 */
class ElectraParityTest {
    static final double LOGITS_TOLERANCE = 1e-5;
    static final double GRADIENT_RELATIVE_TOLERANCE = 1e-4;
    static final double GRADIENT_FLOOR = 1e-3;

    @ParameterizedTest
    @ValueSource(strings = {"seq_single", "seq_multi", "seq_embproj", "token"})
    void keysEqualTheStateDictKeysInOrder(String caseName) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ElectraFixture fixture = ElectraFixture.load(caseName, manager);
            ElectraHeadModel model = fixture.model(manager);
            assertEquals(fixture.expectedKeys(), new ArrayList<>(model.namedParameters().keySet()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq_single", "seq_multi", "seq_embproj", "token"})
    void logitsLossAndGradientsMatchTransformers(String caseName) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ElectraFixture fixture = ElectraFixture.load(caseName, manager);
            ElectraHeadModel model = fixture.model(manager);
            Map<String, NDArray> expected = fixture.expected();
            NDArray logits;
            NDArray loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                logits = model.forward(new ParameterStore(manager, false), fixture.inputs(), false).singletonOrThrow();
                loss = model.loss(logits, expected.get("labels"));
                collector.backward(loss);
            }
            assertEquals(expected.get("logits").getShape(), logits.getShape());
            double logitsDiff = maxAbsDiff(logits, expected.get("logits"));
            double lossDiff = Math.abs(loss.getFloat() - expected.get("loss").getFloat());
            double modelScale = model.namedParameters().keySet().stream()
                    .mapToDouble(key -> maxAbs(expected.get("grad." + key))).max().orElseThrow();
            String worstKey = null;
            double worst = 0;
            double worstNonZero = 0;
            for (Map.Entry<String, Parameter> entry : model.namedParameters().entrySet()) {
                NDArray want = expected.get("grad." + entry.getKey());
                NDArray got = entry.getValue().getArray().getGradient();
                double relative = maxAbsDiff(got, want) / Math.max(maxAbs(want), GRADIENT_FLOOR * modelScale);
                if (entry.getKey().endsWith("attention.self.key.bias")) {
                    assertTrue(maxAbs(got) < 1e-6 * modelScale, entry.getKey() + " gradient should be ~0");
                }
                if (!entry.getKey().endsWith("attention.self.key.bias")) {
                    worstNonZero = Math.max(worstNonZero, maxAbsDiff(got, want) / maxAbs(want));
                }
                if (relative >= worst) {
                    worst = relative;
                    worstKey = entry.getKey();
                }
            }
            System.out.printf("%s: max |logits diff| %.3g, |loss diff| %.3g, worst gradient relative diff %.3g (%s);"
                    + " without the zero key bias %.3g%n", caseName, logitsDiff, lossDiff, worst, worstKey, worstNonZero);
            assertTrue(logitsDiff <= LOGITS_TOLERANCE, caseName + " logits differ by " + logitsDiff);
            assertTrue(lossDiff <= LOGITS_TOLERANCE, caseName + " loss differs by " + lossDiff);
            assertTrue(worst <= GRADIENT_RELATIVE_TOLERANCE, caseName + " gradient of " + worstKey
                    + " differs by " + worst + " relative to its largest element");
        }
    }

    static double maxAbsDiff(NDArray a, NDArray b) {
        assertEquals(b.getShape(), a.getShape());
        float[] x = a.toFloatArray();
        float[] y = b.toFloatArray();
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs((double) x[i] - y[i]));
        }
        return max;
    }

    static double maxAbs(NDArray a) {
        double max = 0;
        for (float v : a.toFloatArray()) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
