package kcwb.training.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.ProblemType;
import kcwb.training.train.TrainingConfig;
import kcwb.training.train.TrainingEvent;
import kcwb.training.train.TrainingSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tiny ELECTRA (not the stand-in) keeps native memory flat: the live NDArray count is constant after
 * warm-up and RSS minus the committed Java heap, sampled after a full GC, does not trend up. {@code -Dkcwb.memory.steps=10000} for the long run.
 */
class RealModelMemoryTest {
    @TempDir
    Path tmp;

    @Test
    void liveArraysAndRssStayFlatWithTheRealModel() throws IOException {
        int steps = Integer.getInteger("kcwb.memory.steps", 135);
        int every = Math.max(10, steps / 30);
        List<LabeledExample> train = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            train.addAll(FineTuneData.TRAIN);
        }
        Collections.shuffle(train, new java.util.Random(1));
        TrainingConfig config = TrainingConfig.builder().optMaxSteps(steps).optLearningRate(1e-3).optBatchSize(4)
                .optMaxLength(24).optLoggingSteps(every).optSeed(3).build();
        Path tokenizer = DemoModel.extractTo(tmp.resolve("demo"));
        var request = new FineTuneRequest(BaseModel.fromScratch("tiny"), tokenizer, "kcelectra", FineTuneData.LABELS,
                ProblemType.SINGLE_LABEL, train, List.of(), "test", null, config, tmp.resolve("run"), "test", null);
        List<Integer> live = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        NDManager system;
        try (NDManager probe = NDManager.newBaseManager()) {
            system = probe.getParentManager();
        }
        TrainingSummary summary;
        try (var job = FineTuneJob.prepare(request)) {
            summary = job.run(List.of(e -> {
                if (e instanceof TrainingEvent.Step) {
                    live.add(system.getManagedArrays().size());
                    System.gc();
                    rss.add(residentKb() - Runtime.getRuntime().totalMemory() / 1024); // native: RSS minus the committed heap
                }
            }));
        }
        assertEquals(steps, summary.steps());
        System.err.printf("RealModelMemoryTest: %d steps in %.1f s = %.1f steps/s (%.0f samples/s); live arrays %s;"
                + " RSS minus heap, kB, first/warm/last %d/%d/%d%n", steps, summary.trainSeconds(), steps / summary.trainSeconds(),
                summary.samplesPerSecond(), live, rss.getFirst(), rss.get(rss.size() / 2), rss.getLast());
        // The first epoch and the first checkpoint save (step 45) grow the allocator's pools once (~80 MB, measured);
        // the second half (steps 70-135: a whole epoch and two more checkpoint saves) must then be flat.
        int warm = rss.size() / 2;
        for (int i = warm; i < live.size(); i++) {
            assertEquals(live.get(warm), live.get(i), "live NDArrays changed at log " + i + ": " + live);
        }
        long growthKb = rss.getLast() - rss.get(warm);
        assertTrue(growthKb < 8 * 1024, "native memory grew " + growthKb + " kB after warm-up: " + rss);
    }

    private static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
