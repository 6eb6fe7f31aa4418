package kcwb.training.train;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The schedule against transformers' get_linear_schedule_with_warmup, every step and past the end. */
class LinearWarmupDecayScheduleTest {
    @Test
    void matchesTransformersAtEveryStep() {
        JsonNode s = OptimizerFixture.load().root.get("schedule");
        var schedule = new LinearWarmupDecaySchedule(s.get("base_lr").asDouble(), s.get("warmup").asInt(),
                s.get("total").asInt());
        double[] expected = OptimizerFixture.doubles(s.get("lrs"));
        double[] actual = new double[expected.length];
        for (int step = 0; step < expected.length; step++) {
            actual[step] = schedule.learningRate(step);
        }
        AdamWParityTest.assertClose(expected, actual, "lr");
    }
}
