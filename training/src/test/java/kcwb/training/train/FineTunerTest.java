package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole loop on the stand-in model: learning, events, checkpoints, resume, cancel, early stopping. */
class FineTunerTest {
    private static final ExampleSource TRAIN = ExampleSource.of(TestData.examples(96, 1));
    private static final ExampleSource DEV = ExampleSource.of(TestData.examples(40, 2));

    @TempDir
    Path tmp;

    private static TrainingConfig config() {
        return TrainingConfig.builder().optLearningRate(3e-2).optWeightDecay(0.01).optWarmupRatio(0.1).optEpochs(3)
                .optBatchSize(8).optEvalBatchSize(16).optGradientAccumulationSteps(2).optMaxLength(16)
                .optLoggingSteps(1).optKeepBestCheckpoints(1).optMetricForBest("accuracy", true).optSeed(7).build();
    }

    private static FineTunerBuilder tuner(TinyHfModule model, TrainingConfig config, Path out, List<TrainingEvent> sink) {
        TestData.WeightsStore store = new TestData.WeightsStore();
        return FineTuner.builder().setModel(model).setConfig(config).setTrainData(TRAIN).optDevData(DEV)
                .setEncoder(TestData::encode).setLabels(TestData.LABELS).setOutputDir(out).setCheckpointWriter(store)
                .optCheckpointReader(store).addListener(sink::add);
    }

    private static List<Double> losses(List<TrainingEvent> events) {
        return events.stream().filter(e -> e instanceof TrainingEvent.Step).map(e -> ((TrainingEvent.Step) e).loss()).toList();
    }

    @Test
    void trainsReportsAndKeepsBestAndLastCheckpoints() throws Exception {
        List<TrainingEvent> events = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            TinyHfModule model = TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0.1f, 11);
            TrainingSummary summary = tuner(model, config(), tmp, events).build().run();

            assertEquals(TrainingSummary.StopReason.COMPLETED, summary.reason());
            assertEquals(18, summary.steps(), "96 rows / batch 8 = 12 batches, accumulation 2 → 6 steps × 3 epochs");
            var started = assertInstanceOf(TrainingEvent.Started.class, events.getFirst());
            assertEquals("cpu()", started.device());
            assertInstanceOf(TrainingEvent.Finished.class, events.getLast());
            List<Double> losses = losses(events);
            assertEquals(18, losses.size());
            assertTrue(losses.getLast() < losses.getFirst(), "loss should fall: " + losses);
            var evals = events.stream().filter(e -> e instanceof TrainingEvent.Eval).map(e -> ((TrainingEvent.Eval) e).metrics()).toList();
            assertEquals(3, evals.size(), "one evaluation per epoch end");
            assertTrue(evals.getLast().accuracy() > 0.6, "the stand-in learns the synthetic task: " + evals.getLast());
            var firstStep = (TrainingEvent.Step) events.get(1);
            assertEquals(0.0, firstStep.learningRate(), "HF warmup starts at lr 0");
            assertEquals(2.0 / 12, firstStep.epoch(), 1e-12, "2 of 12 batches of the first epoch");
            var lastStep = (TrainingEvent.Step) events.stream().filter(e -> e instanceof TrainingEvent.Step)
                    .reduce((a, b) -> b).orElseThrow();
            assertEquals(3.0, lastStep.epoch(), 1e-12);

            try (var folders = Files.list(tmp)) {
                List<Path> kept = folders.sorted().toList();
                assertTrue(kept.size() <= 2, "best 1 + last, no partial folders: " + kept);
                assertTrue(kept.contains(summary.lastCheckpoint()));
                assertTrue(kept.contains(summary.bestCheckpoint()));
            }
            assertTrue(TrainingStateStore.isResumable(summary.lastCheckpoint()));
        }
    }

    @Test
    void resumeAfterEpochOneReproducesTheUninterruptedRun() {
        List<TrainingEvent> full = new ArrayList<>();
        List<TrainingEvent> first = new ArrayList<>();
        List<TrainingEvent> second = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            tuner(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0.1f, 11), config(), tmp.resolve("full"), full)
                    .build().run();

            AtomicReference<FineTuner> running = new AtomicReference<>();
            FineTunerBuilder b = tuner(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0.1f, 11), config(),
                    tmp.resolve("part"), first);
            b.addListener(e -> {
                if (e instanceof TrainingEvent.Eval) {
                    running.get().cancel();   // at the end of epoch 1
                }
            });
            running.set(b.build());
            TrainingSummary part = running.get().run();
            assertEquals(TrainingSummary.StopReason.CANCELLED, part.reason());
            assertEquals(6, part.steps());

            // a differently initialised model: resume must restore the weights, not rely on them
            TinyHfModule other = TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0.1f, 99);
            TrainingSummary rest = tuner(other, config(), tmp.resolve("rest"), second).build().resume(part.lastCheckpoint());
            assertEquals(18, rest.steps());
            assertTrue(rest.bestMetrics() != null, "the best evaluation survives the resume");
            assertEquals(6L, ((TrainingEvent.Started) second.getFirst()).resumedFromStep());

            List<Double> resumed = new ArrayList<>(losses(first));
            resumed.addAll(losses(second));
            List<Double> expected = losses(full);
            assertEquals(expected.size(), resumed.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), resumed.get(i), 1e-5, "loss at step " + (i + 1));
            }
        }
    }

    @Test
    void cancelStopsWithinOneStepAndLeavesAResumableCheckpoint() {
        List<TrainingEvent> events = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            AtomicReference<FineTuner> running = new AtomicReference<>();
            FineTunerBuilder b = tuner(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0f, 5), config(), tmp, events);
            b.addListener(e -> {
                if (e instanceof TrainingEvent.Step s && s.step() == 3) {
                    running.get().cancel();
                }
            });
            running.set(b.build());
            TrainingSummary summary = running.get().run();
            assertEquals(TrainingSummary.StopReason.CANCELLED, summary.reason());
            assertEquals(3, summary.steps());
            var cancelled = assertInstanceOf(TrainingEvent.Cancelled.class, events.getLast());
            assertEquals(3, cancelled.step());
            assertTrue(TrainingStateStore.isResumable(cancelled.checkpoint()));
            assertTrue(Files.isRegularFile(cancelled.checkpoint().resolve(TrainingStateStore.OPTIMIZER_FILE)));
        }
    }

    @Test
    void earlyStoppingEndsTheRunAfterPatienceEvaluationsWithoutGain() {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingConfig c = config().toBuilder().optLearningRate(1e-9).optEvalEverySteps(1)
                .optEarlyStopping(2, 0.5).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingSummary summary = tuner(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0f, 5), c, tmp, events)
                    .build().run();
            assertEquals(TrainingSummary.StopReason.EARLY_STOPPED, summary.reason());
            assertEquals(3, summary.steps(), "eval 1 sets the best, evals 2 and 3 gain < 0.5 → stop");
        }
    }

    @Test
    void aModelWithTheWrongNumberOfLabelsFailsBeforeTraining() {
        List<TrainingEvent> events = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            TinyHfModule twoLabels = TinyHfModule.random(manager, TestData.VOCAB, 16, 2, 0f, 5);
            var e = assertThrows(IllegalArgumentException.class, () -> tuner(twoLabels, config(), tmp, events).build().run());
            assertTrue(e.getMessage().contains("predicts 2 labels but the data has 3"), e.getMessage());
            assertTrue(events.stream().noneMatch(ev -> ev instanceof TrainingEvent.Step));
            assertInstanceOf(TrainingEvent.Failed.class, events.getLast());
        }
    }

    @Test
    void anOutOfRangeLabelIsReportedWithTheExampleId() {
        List<TrainingEvent> events = new ArrayList<>();
        List<LabeledExample> bad = new ArrayList<>(TestData.examples(10, 3));
        bad.add(LabeledExample.of("row-77", "xyz", 5));
        try (NDManager manager = NDManager.newBaseManager()) {
            var b = tuner(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0f, 5), config(), tmp, events)
                    .setTrainData(ExampleSource.of(bad));
            var e = assertThrows(IllegalArgumentException.class, () -> b.build().run());
            assertTrue(e.getMessage().contains("row-77") && e.getMessage().contains("label index 5"), e.getMessage());
        }
    }
}
