package kcwb.training.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kcwb.training.testsupport.NativeMemory;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.ProblemType;
import kcwb.training.train.TrainingConfig;
import kcwb.training.train.TrainingEvent;
import kcwb.training.train.TrainingSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tiny ELECTRA (not the stand-in) keeps native memory flat. Native memory (RSS minus the JVM's committed
 * memory, after a full GC) is sampled every {@value #EVERY} steps; the first epochs and checkpoint saves grow the
 * allocator's pools (~80 MB, measured) for a time that depends on the machine's load, so the run goes on until the
 * last {@value #WINDOW} samples (one whole epoch of {@value #STEPS_PER_EPOCH} steps with its checkpoint save) lie
 * within {@value #SETTLED_KB} KiB, and is then cancelled; over that epoch the live NDArray count must not change.
 * A leak never settles within the {@value #MAX_STEPS} steps allowed. {@code -Dkcwb.memory.steps=10000} runs that many
 * steps without stopping early and checks the last epoch.
 */
class RealModelMemoryTest {
    private static final int STEPS_PER_EPOCH = 45; // 4 copies of FineTuneData.TRAIN in batches of 4
    private static final int EVERY = 15;
    private static final int WINDOW = STEPS_PER_EPOCH / EVERY + 1;
    private static final long SETTLED_KB = 8 * 1024;
    private static final int MAX_STEPS = 8 * STEPS_PER_EPOCH;

    @TempDir
    Path tmp;

    @Test
    void liveArraysAndRssSettleWithTheRealModel() throws IOException {
        boolean longRun = System.getProperty("kcwb.memory.steps") != null;
        int maxSteps = Integer.getInteger("kcwb.memory.steps", MAX_STEPS);
        List<LabeledExample> train = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            train.addAll(FineTuneData.TRAIN);
        }
        assertEquals(STEPS_PER_EPOCH * 4, train.size());
        Collections.shuffle(train, new java.util.Random(1));
        TrainingConfig config = TrainingConfig.builder().optMaxSteps(maxSteps).optLearningRate(1e-3).optBatchSize(4)
                .optMaxLength(24).optLoggingSteps(EVERY).optSeed(3).build();
        Path tokenizer = DemoModel.extractTo(tmp.resolve("demo"));
        var request = new FineTuneRequest(BaseModel.fromScratch("tiny"), tokenizer, "kcelectra", FineTuneData.LABELS,
                ProblemType.SINGLE_LABEL, train, List.of(), "test", null, config, tmp.resolve("run"), "test", null);
        List<Integer> live = new ArrayList<>();
        NativeMemory memory = new NativeMemory(WINDOW, SETTLED_KB);
        NDManager system;
        try (NDManager probe = NDManager.newBaseManager()) {
            system = probe.getParentManager();
        }
        TrainingSummary summary;
        try (var job = FineTuneJob.prepare(request)) {
            summary = job.run(List.of(e -> {
                if (e instanceof TrainingEvent.Step) {
                    live.add(system.getManagedArrays().size());
                    memory.sample();
                    if (!longRun && memory.settled()) {
                        job.cancel();
                    }
                }
            }));
        }
        List<Long> rss = memory.samplesKb();
        System.err.printf("RealModelMemoryTest: %d steps in %.1f s = %.1f steps/s (%.0f samples/s); live arrays %s;"
                + " native kB after GC every %d steps %s%n", summary.steps(), summary.trainSeconds(),
                summary.steps() / summary.trainSeconds(), summary.samplesPerSecond(), live, EVERY, rss);
        assertTrue(memory.settled(), "native memory still moving by " + memory.lastWindowSpanKb() + " KiB per epoch after "
                + summary.steps() + " steps: " + rss);
        List<Integer> lastEpoch = live.subList(live.size() - WINDOW, live.size());
        assertTrue(lastEpoch.stream().distinct().count() == 1, "live NDArrays changed over the last epoch: " + live);
    }
}
