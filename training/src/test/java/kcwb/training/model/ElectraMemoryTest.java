package kcwb.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Forward and backward leave nothing behind when each step's arrays live on a sub-manager that is closed after
 * the step: the model's manager keeps the same arrays and the process RSS stays flat.
 */
class ElectraMemoryTest {
    static final long GROWTH_LIMIT_KB = 8_000;

    @Test
    void repeatedForwardBackwardKeepsNativeMemoryFlat() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = ElectraForSequenceClassification.create(
                    ElectraConfig.tiny().withLabels(java.util.List.of("a", "b", "c"), null), manager, 5);
            ParameterStore store = new ParameterStore(manager, false);
            // the first rounds grow the allocator's and the JIT's pools; after that the footprint must stay flat
            runSteps(model, store, manager, 100);
            int arraysBefore = manager.getManagedArrays().size();
            int rounds = Integer.getInteger("kcwb.memory.rounds", 3);
            // A leak grows in every window; a one-off jump (the allocator or JIT growing a pool late, which happens
            // on a loaded machine) does not. So a window over the limit gets one second window, and the smaller counts.
            long growthKb = rssGrowthKb(model, store, manager, rounds);
            if (growthKb >= GROWTH_LIMIT_KB) {
                System.out.printf("native RSS grew by %d KiB; measuring a second window%n", growthKb);
                growthKb = Math.min(growthKb, rssGrowthKb(model, store, manager, rounds));
            }
            System.out.printf("managed arrays %d -> %d, native RSS growth over %d steps %d KiB%n", arraysBefore,
                    manager.getManagedArrays().size(), (rounds - 1) * 50, growthKb);
            assertEquals(arraysBefore, manager.getManagedArrays().size());
            assertTrue(growthKb < GROWTH_LIMIT_KB, "native RSS grew by " + growthKb + " KiB in both windows");
        }
    }

    /** RSS after each of {@code rounds} rounds of 50 steps; returns last minus first. */
    private static long rssGrowthKb(ElectraHeadModel model, ParameterStore store, NDManager manager, int rounds)
            throws IOException {
        long[] rss = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            runSteps(model, store, manager, 50);
            rss[round] = rssKb();
            System.out.printf("after %d more steps: native RSS %d KiB%n", (round + 1) * 50, rss[round]);
        }
        return rss[rounds - 1] - rss[0];
    }

    private static void runSteps(ElectraHeadModel model, ParameterStore store, NDManager manager, int steps) {
        for (int step = 0; step < steps; step++) {
            try (NDManager batchManager = manager.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList batch = ElectraModelTest.batch(batchManager, 4, 8, 99);
                NDArray logits = model.forward(store, batch, true).singletonOrThrow();
                NDArray labels = batchManager.create(new long[] {0, 1, 2, step % 3});
                collector.backward(model.loss(logits, labels));
            }
        }
    }

    /** Resident memory outside the Java heap and metaspace (which grow and shrink with the GC, not with leaks). */
    private static long rssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long javaKb = (memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted())
                / 1024;
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0) - javaKb;
    }
}
