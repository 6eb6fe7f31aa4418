package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Continue for N more epochs": a finished run resumes with a config that differs only by more epochs. */
class FineTunerMoreEpochsTest {
    private static final ExampleSource TRAIN = ExampleSource.of(TestData.examples(48, 1));
    private static final ExampleSource DEV = ExampleSource.of(TestData.examples(16, 2));

    @TempDir
    Path tmp;

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.builder().optLearningRate(3e-2).optEpochs(epochs).optBatchSize(8).optEvalBatchSize(16)
                .optMaxLength(16).optLoggingSteps(1).optMetricForBest("accuracy", true).optSeed(7).build();
    }

    private static FineTuner tuner(TinyHfModule model, TrainingConfig config, Path out, List<TrainingEvent> sink) {
        TestData.WeightsStore store = new TestData.WeightsStore();
        return FineTuner.builder().setModel(model).setConfig(config).setTrainData(TRAIN).optDevData(DEV)
                .setEncoder(TestData::encode).setLabels(TestData.LABELS).setOutputDir(out).setCheckpointWriter(store)
                .optCheckpointReader(store).addListener(sink::add).build();
    }

    @Test
    void aFinishedRunContinuesForMoreEpochsFromItsLastCheckpoint() {
        List<TrainingEvent> first = new ArrayList<>();
        List<TrainingEvent> more = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingSummary done = tuner(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0f, 11), config(1),
                    tmp.resolve("run"), first).run();
            assertEquals(TrainingSummary.StopReason.COMPLETED, done.reason());
            assertEquals(6, done.steps(), "48 rows / batch 8 = 6 steps per epoch");

            TrainingSummary continued = tuner(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0f, 99), config(3),
                    tmp.resolve("run"), more).resume(done.lastCheckpoint());
            assertEquals(TrainingSummary.StopReason.COMPLETED, continued.reason());
            assertEquals(18, continued.steps(), "two more epochs of 6 steps");
            var started = assertInstanceOf(TrainingEvent.Started.class, more.getFirst());
            assertEquals(6, started.resumedFromStep());
            assertEquals(18, started.totalSteps());
            var firstStep = more.stream().filter(e -> e instanceof TrainingEvent.Step).map(TrainingEvent.Step.class::cast)
                    .findFirst().orElseThrow();
            assertEquals(7, firstStep.step());
            assertTrue(firstStep.epoch() > 1 && firstStep.epoch() < 2, "the second epoch: " + firstStep.epoch());
        }
    }

    @Test
    void onlyMoreEpochsMayDiffer() {
        TrainingConfig saved = config(2);
        assertTrue(FineTuner.resumableWith(saved, saved));
        assertTrue(FineTuner.resumableWith(saved, config(5)));
        assertFalse(FineTuner.resumableWith(saved, config(1)), "fewer epochs");
        assertFalse(FineTuner.resumableWith(saved, config(5).toBuilder().optLearningRate(1e-3).build()), "another lr");
        TrainingConfig bySteps = saved.toBuilder().optMaxSteps(10).build();
        assertFalse(FineTuner.resumableWith(bySteps, bySteps.toBuilder().optEpochs(4).build()), "steps, not epochs, end it");
    }

    @Test
    void resumeWithAnotherLearningRateIsRefused() {
        List<TrainingEvent> events = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingSummary done = tuner(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0f, 11), config(1),
                    tmp.resolve("run"), events).run();
            FineTuner other = tuner(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0f, 11),
                    config(2).toBuilder().optLearningRate(1e-3).build(), tmp.resolve("run"), events);
            var error = assertThrows(IllegalArgumentException.class, () -> other.resume(done.lastCheckpoint()));
            assertTrue(error.getMessage().contains("only more epochs"), error.getMessage());
        }
    }
}
