package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kcwb.training.testsupport.NativeMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeated steps keep native memory flat: no NDArray outlives its step (the count of live arrays under
 * DJL's system manager is the same at every logged step) and native memory ({@link NativeMemory}: RSS minus the
 * JVM's committed memory, right after a full GC) stays flat after warm-up.
 * {@code -Dkcwb.memory.steps=10000} runs the long version.
 */
class NativeMemoryTest {
    @TempDir
    Path tmp;

    @Test
    void liveArraysAndRssStayFlatOverManySteps() throws IOException {
        int steps = Integer.getInteger("kcwb.memory.steps", 160);
        int every = Math.max(20, steps / 50);
        List<Integer> liveArrays = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        TrainingConfig config = TrainingConfig.builder().optMaxSteps(steps).optLearningRate(1e-3).optBatchSize(8)
                .optMaxLength(16).optLoggingSteps(every).optWeightDecay(0.01).build();
        TrainingSummary summary;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDManager system = manager.getParentManager();
            TinyHfModule model = TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0.1f, 3);
            FineTuner tuner = FineTuner.builder().setModel(model).setConfig(config)
                    .setTrainData(ExampleSource.of(TestData.examples(64, 4))).setEncoder(TestData::encode)
                    .setLabels(TestData.LABELS).setOutputDir(tmp).setCheckpointWriter(new TestData.WeightsStore())
                    .addListener(e -> {
                        if (e instanceof TrainingEvent.Step) {
                            liveArrays.add(system.getManagedArrays().size());
                            rss.add(NativeMemory.nativeKbAfterGc());
                        }
                    }).build();
            summary = tuner.run();
        }
        assertEquals(steps, summary.steps());
        System.err.printf("NativeMemoryTest: %d steps in %.1f s = %.1f steps/s (%.0f samples/s); live arrays %s;"
                + " native kB after GC, first/warm/last %d/%d/%d; all %s%n", steps, summary.trainSeconds(), steps / summary.trainSeconds(),
                summary.samplesPerSecond(), liveArrays.subList(0, 3), rss.getFirst(), rss.get(2), rss.getLast(), rss);
        int warm = Math.max(2, rss.size() / 5);   // JIT and allocator arenas settle during the first fifth
        for (int i = warm; i < liveArrays.size(); i++) {
            assertEquals(liveArrays.get(warm), liveArrays.get(i), "live NDArrays changed at log " + i + ": " + liveArrays);
        }
        long growthKb = rss.getLast() - rss.get(warm);
        assertTrue(growthKb < 32 * 1024, "native memory grew " + growthKb + " kB after warm-up: " + rss);
    }
}
