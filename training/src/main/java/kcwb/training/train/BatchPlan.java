package kcwb.training.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The order of examples in batches for one epoch. Training order is length-bucketed yet seeded: shuffle
 * all indices, cut them into chunks of {@value #CHUNK_BATCHES} batches, sort each chunk by length (so a
 * batch pads little), cut into batches, then shuffle the batch order. The same (seed, epoch, lengths)
 * always gives the same plan ({@link java.util.Random} is specified bit for bit).
 */
public final class BatchPlan {
    /** Batches per sorted chunk: big enough for tight padding, small enough to keep the order random. */
    public static final int CHUNK_BATCHES = 50;

    private BatchPlan() {}

    /** Seeded, length-bucketed training batches of example indices. */
    public static List<int[]> training(int[] lengths, int batchSize, long seed, int epoch) {
        Random random = new Random(seed * 1_000_003L + epoch);
        List<Integer> order = new ArrayList<>(IntStream.range(0, lengths.length).boxed().toList());
        Collections.shuffle(order, random);
        List<int[]> batches = new ArrayList<>();
        int chunk = CHUNK_BATCHES * batchSize;
        for (int from = 0; from < order.size(); from += chunk) {
            List<Integer> part = new ArrayList<>(order.subList(from, Math.min(order.size(), from + chunk)));
            part.sort(Comparator.comparingInt(i -> lengths[i]));
            batches.addAll(cut(part, batchSize));
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /** Evaluation batches: longest first (padding stays small, memory peaks early); order does not matter. */
    public static List<int[]> evaluation(int[] lengths, int batchSize) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, lengths.length).boxed().toList());
        order.sort(Comparator.comparingInt((Integer i) -> -lengths[i]).thenComparingInt(i -> i));
        return cut(order, batchSize);
    }

    private static List<int[]> cut(List<Integer> indices, int batchSize) {
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < indices.size(); from += batchSize) {
            batches.add(indices.subList(from, Math.min(indices.size(), from + batchSize)).stream()
                    .mapToInt(Integer::intValue).toArray());
        }
        return batches;
    }
}
