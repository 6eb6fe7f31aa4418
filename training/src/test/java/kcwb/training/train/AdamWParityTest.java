package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AdamW + linear warmup/decay + global-norm clipping + accumulation 2, against torch and transformers
 * (fixtures/optim/make_fixture.py): per-micro-batch losses, per-step learning rates and pre-clip gradient
 * norms, final parameters and the optimiser moments.
 */
class AdamWParityTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void matchesTorchAdamWTrainingLoop() {
        OptimizerFixture fixture = OptimizerFixture.load();
        JsonNode c = fixture.config();
        int accum = c.get("accum").asInt();
        try (NDManager manager = NDManager.newBaseManager()) {
            TinyHfModule model = TinyHfModule.random(manager, c.get("vocab").asInt(), c.get("hidden").asInt(),
                    c.get("labels").asInt(), 0f, 1);
            model.load(fixture.initial());
            AdamW adam = new AdamW(model.namedParameters(), c.get("betas").get(0).asDouble(),
                    c.get("betas").get(1).asDouble(), c.get("eps").asDouble(), c.get("weight_decay").asDouble(), manager);
            var schedule = new LinearWarmupDecaySchedule(c.get("lr").asDouble(), c.get("warmup").asInt(),
                    c.get("opt_steps").asInt());
            TrainStep step = new TrainStep(model, LossFunction.crossEntropy(), adam, schedule,
                    c.get("max_norm").asDouble(), manager);

            List<Double> losses = new ArrayList<>();
            List<TrainStep.Update> updates = new ArrayList<>();
            JsonNode batches = fixture.root.get("batches");
            for (int i = 0; i < batches.size(); i++) {
                JsonNode b = batches.get(i);
                try (NDManager stepManager = manager.newSubManager()) {
                    long[] ids = OptimizerFixture.flatLongs(b.get("ids"));
                    Shape shape = new Shape(b.get("ids").size(), b.get("ids").get(0).size());
                    NDList inputs = new NDList(stepManager.create(ids, shape),
                            stepManager.create(OptimizerFixture.flatLongs(b.get("mask")), shape),
                            stepManager.zeros(shape, ai.djl.ndarray.types.DataType.INT64));
                    long[] labels = new long[b.get("labels").size()];
                    for (int r = 0; r < labels.length; r++) {
                        labels[r] = b.get("labels").get(r).asLong();
                    }
                    NDArray labelArray = stepManager.create(labels);
                    losses.add(step.accumulate(inputs, labelArray, accum, i));
                }
                if ((i + 1) % accum == 0) {
                    updates.add(step.update());
                }
            }

            assertClose(OptimizerFixture.doubles(fixture.root.get("losses")),
                    losses.stream().mapToDouble(Double::doubleValue).toArray(), "loss");
            assertClose(OptimizerFixture.doubles(fixture.root.get("lrs")),
                    updates.stream().mapToDouble(TrainStep.Update::learningRate).toArray(), "lr");
            assertClose(OptimizerFixture.doubles(fixture.root.get("grad_norms")),
                    updates.stream().mapToDouble(TrainStep.Update::gradNorm).toArray(), "grad norm");
            boolean clipped = updates.stream().anyMatch(u -> u.gradNorm() > c.get("max_norm").asDouble());
            assertTrue(clipped, "the fixture must exercise clipping");

            Map<String, float[]> actual = model.snapshot();
            fixture.finalValues().forEach((name, expected) -> assertClose(expected, actual.get(name), name));

            JsonNode state = fixture.root.get("classifier_weight_state");
            assertEquals(state.get("step").asLong(), adam.stepCount());
            NDList moments = adam.stateArrays();
            assertClose(OptimizerFixture.floats(state.get("exp_avg")),
                    moments.get("exp_avg.classifier.weight").toFloatArray(), "exp_avg");
            assertClose(OptimizerFixture.floats(state.get("exp_avg_sq")),
                    moments.get("exp_avg_sq.classifier.weight").toFloatArray(), "exp_avg_sq");
        }
    }

    @Test
    void epsilonIsAddedAfterTheBiasCorrectedSquareRootAsInTorch() {
        JsonNode e = OptimizerFixture.load().root.get("eps_case");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(OptimizerFixture.floats(e.get("initial")));
            w.setRequiresGradient(true);
            var parameters = new java.util.LinkedHashMap<String, ai.djl.nn.Parameter>();
            parameters.put("w", ai.djl.nn.Parameter.builder().setName("w").setType(ai.djl.nn.Parameter.Type.WEIGHT)
                    .optArray(w).build());
            AdamW adam = new AdamW(parameters, e.get("betas").get(0).asDouble(), e.get("betas").get(1).asDouble(),
                    e.get("eps").asDouble(), 0.0, manager);
            for (JsonNode g : e.get("grads")) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray grad = w.getGradient();
                    grad.attach(scope);
                    grad.subi(grad);
                    NDArray target = scope.create(OptimizerFixture.floats(g));
                    try (var collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                        collector.backward(target.mul(w).sum());   // d/dw = g
                    }
                }
                adam.step(e.get("lr").asDouble());
            }
            assertClose(OptimizerFixture.floats(e.get("final")), w.toFloatArray(), "w");
        }
    }

    @Test
    void weightDecayGroupsMatchTransformersTrainer() {
        OptimizerFixture fixture = OptimizerFixture.load();
        List<String> expected = new ArrayList<>();
        fixture.root.get("decay_names").forEach(n -> expected.add(n.asText()));
        List<String> actual = fixture.initial().keySet().stream().filter(WeightDecayRule::decays).sorted().toList();
        assertEquals(expected, actual);
        assertTrue(WeightDecayRule.decays("electra.encoder.layer.0.attention.self.query.weight"));
        assertTrue(!WeightDecayRule.decays("electra.embeddings.LayerNorm.weight"));
        assertTrue(!WeightDecayRule.decays("classifier.out_proj.bias"));
    }

    static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " count");
        for (int i = 0; i < expected.length; i++) {
            double bound = TOLERANCE * Math.max(1.0, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], bound, what + " #" + i);
        }
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        double[] e = new double[expected.length];
        double[] a = new double[actual.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = expected[i];
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = actual[i];
        }
        assertClose(e, a, what);
    }
}
