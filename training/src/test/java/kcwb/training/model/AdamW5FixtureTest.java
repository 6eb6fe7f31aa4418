package kcwb.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The adamw5 fixture is what the fine-tuning engine must reproduce. This test replays it with a plain-Java
 * restatement of torch.optim.AdamW, global-norm clipping and the linear schedule (the engine has its own, tested
 * against the same fixture), to prove the model's train-mode gradients and the fixture's description agree.
 */
class AdamW5FixtureTest {
    @Test
    void fiveHfStyleAdamWStepsGiveTransformersLosses() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            ElectraFixture fixture = ElectraFixture.load("adamw5", manager);
            JsonNode train = new ObjectMapper().readTree(fixture.folder().resolve("train.json").toFile());
            ElectraHeadModel model = fixture.model(manager);
            Map<String, NDArray> batch = ElectraFixture.read(fixture.folder().resolve("batch.safetensors"), manager);
            NDList inputs = new NDList(batch.get("input_ids"), batch.get("attention_mask"), batch.get("token_type_ids"));
            Set<String> decay = new HashSet<>();
            train.get("decay_parameters").forEach(node -> decay.add(node.asText()));
            float lr = (float) train.get("lr").asDouble();
            int warmup = train.get("warmup_steps").asInt();
            int total = train.get("total_steps").asInt();
            Map<String, float[]> m = new HashMap<>();
            Map<String, float[]> v = new HashMap<>();
            ParameterStore store = new ParameterStore(manager, false);
            double worst = 0;
            double worstNorm = 0;
            for (int step = 0; step < total; step++) {
                float loss;
                Map<String, float[]> grads = new HashMap<>();
                try (NDManager stepManager = manager.newSubManager();
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.zeroGradients();
                    NDArray logits = model.forward(store, inputs, true).singletonOrThrow();
                    NDArray lossArray = model.loss(logits, batch.get("labels"));
                    collector.backward(lossArray);
                    loss = lossArray.getFloat();
                    for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
                        try (NDArray grad = e.getValue().getArray().getGradient()) {
                            grads.put(e.getKey(), grad.toFloatArray());
                        }
                    }
                }
                worst = Math.max(worst, Math.abs(loss - train.get("losses").get(step).asDouble()));
                double norm = clipGlobalNorm(grads, (float) train.get("max_grad_norm").asDouble());
                double expectedNorm = train.get("grad_norms").get(step).asDouble();
                worstNorm = Math.max(worstNorm, Math.abs(norm - expectedNorm) / expectedNorm);
                float stepLr = step < warmup ? lr * step / warmup : lr * (total - step) / (float) (total - warmup);
                assertEquals(train.get("learning_rates").get(step).asDouble(), stepLr, 1e-9);
                for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
                    String key = e.getKey();
                    float[] p = e.getValue().getArray().toFloatArray();
                    adamw(p, grads.get(key), m.computeIfAbsent(key, k -> new float[p.length]),
                            v.computeIfAbsent(key, k -> new float[p.length]), step + 1, stepLr,
                            decay.contains(key) ? (float) train.get("weight_decay").asDouble() : 0f);
                    e.getValue().getArray().set(p);
                }
            }
            NDArray finalLoss = model.loss(model.forward(store, inputs, true).singletonOrThrow(), batch.get("labels"));
            double finalDiff = Math.abs(finalLoss.getFloat() - train.get("final_loss").asDouble());
            Map<String, NDArray> expectedFinal = ElectraFixture.read(fixture.folder().resolve("final.safetensors"), manager);
            double worstParam = 0;
            String worstKey = null;
            for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
                if (e.getKey().endsWith("attention.self.key.bias")) {
                    continue; // its gradient is float noise (analytically 0), and Adam turns noise into ±lr steps
                }
                double diff = ElectraParityTest.maxAbsDiff(e.getValue().getArray(), expectedFinal.get(e.getKey()));
                if (diff > worstParam) {
                    worstParam = diff;
                    worstKey = e.getKey();
                }
            }
            System.out.printf("adamw5: worst step-loss diff %.3g, gradient-norm relative diff %.3g, final loss diff %.3g,"
                    + " worst parameter diff %.3g (%s)%n", worst, worstNorm, finalDiff, worstParam, worstKey);
            assertTrue(worstNorm <= 1e-5, "pre-clip gradient norms differ by " + worstNorm + " (relative)");
            assertTrue(worst <= 1e-4 && finalDiff <= 1e-4, "losses differ by " + worst + " / " + finalDiff
                    + "; worst parameter " + worstKey + " by " + worstParam);
            assertTrue(worstParam <= 1e-4, "parameters differ by " + worstParam + " (" + worstKey + ")");
        }
    }

    /**
     * torch.nn.utils.clip_grad_norm_: scale every gradient by min(1, maxNorm / (globalNorm + 1e-6)); returns the
     * norm before clipping.
     */
    private static double clipGlobalNorm(Map<String, float[]> grads, float maxNorm) {
        double squares = 0;
        for (float[] g : grads.values()) {
            for (float x : g) {
                squares += (double) x * x;
            }
        }
        float coef = (float) Math.min(1.0, maxNorm / (Math.sqrt(squares) + 1e-6));
        for (float[] g : grads.values()) {
            for (int i = 0; i < g.length; i++) {
                g[i] *= coef;
            }
        }
        return Math.sqrt(squares);
    }

    /** torch.optim.AdamW's update for one tensor, in float like torch. */
    private static void adamw(float[] p, float[] g, float[] m, float[] v, int step, float lr, float weightDecay) {
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        double bias1 = 1 - Math.pow(beta1, step);
        double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        float stepSize = (float) (lr / bias1);
        for (int i = 0; i < p.length; i++) {
            p[i] *= 1 - lr * weightDecay;
            m[i] += (g[i] - m[i]) * (1 - beta1);
            v[i] = v[i] * beta2 + (1 - beta2) * g[i] * g[i];
            float denom = (float) (Math.sqrt(v[i]) / bias2Sqrt) + 1e-8f;
            p[i] -= stepSize * m[i] / denom;
        }
    }
}
