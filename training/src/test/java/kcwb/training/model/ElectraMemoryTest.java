package kcwb.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import kcwb.training.testsupport.NativeMemory;
import org.junit.jupiter.api.Test;

/**
 * Forward and backward leave nothing behind when each step's arrays live on a sub-manager that is closed after
 * the step: the model's manager keeps the same arrays and the process RSS stays flat.
 */
class ElectraMemoryTest {
    @Test
    void repeatedForwardBackwardKeepsNativeMemoryFlat() {
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = ElectraForSequenceClassification.create(
                    ElectraConfig.tiny().withLabels(java.util.List.of("a", "b", "c"), null), manager, 5);
            ParameterStore store = new ParameterStore(manager, false);
            // the first rounds grow the allocator's and the JIT's pools; after that the footprint must stay flat
            runSteps(model, store, manager, 100);
            int arraysBefore = manager.getManagedArrays().size();
            // Under load the pools may take longer to settle, so sample after every 50 steps until the last three
            // samples (100 steps) lie within the bound, for up to maxRounds rounds: a leak never settles.
            int maxRounds = Integer.getInteger("kcwb.memory.rounds", 8);
            NativeMemory memory = new NativeMemory(3, SETTLED_KB);
            int rounds = 0;
            while (rounds < 3 || (!memory.settled() && rounds < maxRounds)) {
                runSteps(model, store, manager, 50);
                rounds++;
                System.out.printf("after %d more steps: native RSS %d KiB%n", rounds * 50, memory.sample());
            }
            long growthKb = memory.lastWindowSpanKb();
            System.out.printf("%d forward+backward steps: managed arrays %d -> %d, native RSS spread over the last 100"
                    + " steps %d KiB%n", 100 + rounds * 50, arraysBefore, manager.getManagedArrays().size(), growthKb);
            assertEquals(arraysBefore, manager.getManagedArrays().size());
            assertTrue(memory.settled(), "native RSS still moving by " + growthKb + " KiB per 100 steps after "
                    + rounds * 50 + " steps: " + memory.samplesKb());
        }
    }

    private static final long SETTLED_KB = 8_000;

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
}
