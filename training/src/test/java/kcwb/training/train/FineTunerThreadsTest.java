package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torch's grad mode is per thread and on by default on threads the engine did not start on: a run and its resume,
 * each on a fresh thread (as the GUI starts them), must still update parameters in place.
 */
class FineTunerThreadsTest {
    private static final ExampleSource TRAIN = ExampleSource.of(TestData.examples(32, 1));
    private static final ExampleSource DEV = ExampleSource.of(TestData.examples(8, 2));

    @TempDir
    Path tmp;

    private static FineTunerBuilder tuner(TinyHfModule model, Path out) {
        TestData.WeightsStore store = new TestData.WeightsStore();
        TrainingConfig config = TrainingConfig.builder().optLearningRate(3e-2).optEpochs(2).optBatchSize(8)
                .optEvalBatchSize(8).optMaxLength(16).optLoggingSteps(1).optMetricForBest("accuracy", true).build();
        return FineTuner.builder().setModel(model).setConfig(config).setTrainData(TRAIN).optDevData(DEV)
                .setEncoder(TestData::encode).setLabels(TestData.LABELS).setOutputDir(out).setCheckpointWriter(store)
                .optCheckpointReader(store);
    }

    private static <T> T onFreshThread(Callable<T> work) throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.set(work.call());
            } catch (Exception | Error e) {
                outcome.set(e);
            }
        });
        thread.start();
        thread.join();
        if (outcome.get() instanceof Exception e) {
            throw e;
        }
        if (outcome.get() instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome.get();
        return result;
    }

    @Test
    void aRunAndItsResumeEachOnAFreshThread() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            AtomicReference<FineTuner> running = new AtomicReference<>();
            FineTunerBuilder builder = tuner(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0f, 3), tmp);
            builder.addListener(event -> {
                if (event instanceof TrainingEvent.Step step && step.step() == 2) {
                    running.get().cancel();
                }
            });
            running.set(builder.build());
            TrainingSummary stopped = onFreshThread(running.get()::run);
            assertEquals(TrainingSummary.StopReason.CANCELLED, stopped.reason());
            assertEquals(2, stopped.steps());
            FineTuner second = tuner(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0f, 4), tmp.resolve("again")).build();
            TrainingSummary resumed = onFreshThread(() -> second.resume(stopped.lastCheckpoint()));
            assertEquals(TrainingSummary.StopReason.COMPLETED, resumed.reason());
            assertEquals(8, resumed.steps(), "32 rows / batch 8 × 2 epochs");
        }
    }
}
