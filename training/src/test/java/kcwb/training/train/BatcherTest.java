package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Padding, masks, labels, the seeded length-bucketed plan, and the prefetching producer. */
class BatcherTest {
    private static final List<LabeledExample> EXAMPLES = TestData.examples(500, 9);

    private static Batcher batcher(ProblemType type) {
        return new Batcher(ExampleSource.of(EXAMPLES), TestData::encode, 16, 3, type);
    }

    @Test
    void padsToTheLongestRowWithZeroIdsAndMask() {
        Batcher batcher = new Batcher(ExampleSource.of(List.of(LabeledExample.of("a", "ab", 0),
                LabeledExample.of("b", "abcde", 2))), TestData::encode, 16, 3, ProblemType.SINGLE_LABEL);
        HostBatch batch = batcher.batch(new int[] {0, 1});
        assertEquals(7, batch.length(), "[CLS] + 5 + [SEP]");
        long[] firstRow = Arrays.copyOfRange(batch.inputIds(), 0, 7);
        assertArrayEquals(new long[] {2, TestData.encode("ab", 16).inputIds()[1],
                TestData.encode("ab", 16).inputIds()[2], 3, 0, 0, 0}, firstRow);
        assertArrayEquals(new long[] {1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1}, batch.attentionMask());
        assertArrayEquals(new long[] {0, 2}, batch.classLabels());
        assertArrayEquals(new long[14], batch.tokenTypeIds());
    }

    @Test
    void truncatesToMaxLengthAndMultiHotEncodesMultiLabels() {
        List<LabeledExample> rows = List.of(LabeledExample.of("m", "a".repeat(40), 0, 2));
        HostBatch batch = new Batcher(ExampleSource.of(rows), TestData::encode, 8, 3, ProblemType.MULTI_LABEL)
                .batch(new int[] {0});
        assertEquals(8, batch.length());
        assertArrayEquals(new float[] {1, 0, 1}, batch.multiHotLabels());
    }

    @Test
    void anEncoderThatIgnoresMaxLengthIsRejectedWithTheExampleId() {
        TextEncoder sloppy = (text, max) -> EncodedText.of(new long[max + 1]);
        Batcher batcher = new Batcher(ExampleSource.of(EXAMPLES), sloppy, 16, 3, ProblemType.SINGLE_LABEL);
        var e = assertThrows(IllegalStateException.class, () -> batcher.batch(new int[] {0}));
        assertTrue(e.getMessage().contains(EXAMPLES.getFirst().id()), e.getMessage());
    }

    @Test
    void planIsReproducibleCoversEveryExampleOnceAndChangesPerEpoch() {
        int[] lengths = batcher(ProblemType.SINGLE_LABEL).approximateLengths();
        List<int[]> a = BatchPlan.training(lengths, 8, 42, 0);
        List<int[]> again = BatchPlan.training(lengths, 8, 42, 0);
        assertEquals(a.size(), again.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), again.get(i));
        }
        int[] all = a.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 500).toArray(), all);
        assertEquals(63, a.size(), "ceil(500 / 8)");
        assertNotEquals(Arrays.toString(a.getFirst()), Arrays.toString(BatchPlan.training(lengths, 8, 42, 1).getFirst()));
        assertNotEquals(Arrays.toString(a.getFirst()), Arrays.toString(BatchPlan.training(lengths, 8, 43, 0).getFirst()));
    }

    @Test
    void lengthBucketingPadsFarLessThanARandomOrder() {
        int[] lengths = batcher(ProblemType.SINGLE_LABEL).approximateLengths();
        List<Integer> shuffled = new ArrayList<>(IntStream.range(0, 500).boxed().toList());
        java.util.Collections.shuffle(shuffled, new Random(1));
        List<int[]> random = new ArrayList<>();
        for (int i = 0; i < 500; i += 8) {
            random.add(shuffled.subList(i, Math.min(500, i + 8)).stream().mapToInt(Integer::intValue).toArray());
        }
        long bucketed = padding(BatchPlan.training(lengths, 8, 42, 0), lengths);
        long unsorted = padding(random, lengths);
        assertTrue(bucketed * 4 < unsorted, "padding bucketed " + bucketed + " vs random " + unsorted);
    }

    @Test
    void prefetchingDeliversThePlanInOrderFromAnyStartBatch() {
        Batcher batcher = batcher(ProblemType.SINGLE_LABEL);
        List<int[]> plan = BatchPlan.training(batcher.approximateLengths(), 8, 42, 0);
        List<List<Integer>> seen = new ArrayList<>();
        try (PrefetchingBatches batches = new PrefetchingBatches(batcher, plan, 10)) {
            batches.forEachRemaining(b -> seen.add(b.exampleIndices()));
        }
        assertEquals(plan.size() - 10, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(Arrays.stream(plan.get(i + 10)).boxed().toList(), seen.get(i));
        }
    }

    @Test
    void anEncodingFailureOnTheProducerSurfacesOnTheTrainingThread() {
        TextEncoder failing = (text, max) -> {
            throw new IllegalArgumentException("tokenizer broke on " + text);
        };
        Batcher batcher = new Batcher(ExampleSource.of(EXAMPLES), failing, 16, 3, ProblemType.SINGLE_LABEL);
        try (PrefetchingBatches batches = new PrefetchingBatches(batcher, List.of(new int[] {0}), 0)) {
            var e = assertThrows(IllegalArgumentException.class, batches::next);
            assertTrue(e.getMessage().startsWith("tokenizer broke on"));
        }
    }

    @Test
    void closingEarlyStopsTheProducer() {
        Batcher batcher = batcher(ProblemType.SINGLE_LABEL);
        List<int[]> plan = BatchPlan.training(batcher.approximateLengths(), 8, 42, 0);
        PrefetchingBatches batches = new PrefetchingBatches(batcher, plan, 0);
        batches.next();
        long start = System.nanoTime();
        batches.close();
        assertTrue((System.nanoTime() - start) / 1e9 < 2, "close should not wait for the whole epoch");
    }

    private static long padding(List<int[]> plan, int[] lengths) {
        long pad = 0;
        for (int[] batch : plan) {
            int max = Arrays.stream(batch).map(i -> lengths[i]).max().orElse(0);
            for (int i : batch) {
                pad += max - lengths[i];
            }
        }
        return pad;
    }
}
