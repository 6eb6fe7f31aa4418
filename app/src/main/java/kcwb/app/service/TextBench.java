package kcwb.app.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import kcwb.training.text.KcCleaner;
import kcwb.training.tokenize.KcTokenizer;

/**
 * Throughput of the text pipeline on a list of comments: clean, tokenize, and clean+tokenize, each on
 * one thread and on a fixed pool of {@code threads} (the comments split into equal contiguous chunks).
 * Every figure is the best of {@code rounds} timed passes after {@code warmups} untimed ones.
 */
public final class TextBench {
    /** One measured figure. */
    public record Figure(String stage, int threads, double commentsPerSecond, double bestSeconds) {}

    private final KcCleaner cleaner;
    private final KcTokenizer tokenizer;
    private final int maxLen;
    private final int warmups;
    private final int rounds;

    public TextBench(KcCleaner cleaner, KcTokenizer tokenizer, int maxLen, int warmups, int rounds) {
        if (rounds < 1 || warmups < 0) {
            throw new IllegalArgumentException("rounds must be >= 1 and warm-ups >= 0");
        }
        this.cleaner = cleaner;
        this.tokenizer = tokenizer;
        this.maxLen = maxLen;
        this.warmups = warmups;
        this.rounds = rounds;
    }

    /** Runs every stage at 1 thread and at {@code threads} (when > 1); {@code report} gets each figure as it is done. */
    public List<Figure> run(List<String> comments, int threads, Consumer<Figure> report) throws Exception {
        if (comments.isEmpty()) {
            throw new IllegalArgumentException("no comments to benchmark");
        }
        List<Figure> figures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            for (int n : threads > 1 ? List.of(1, threads) : List.of(1)) {
                for (String stage : List.of("clean", "tokenize", "clean+tokenize")) {
                    Figure figure = measure(stage, comments, n, pool);
                    figures.add(figure);
                    report.accept(figure);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return figures;
    }

    private Figure measure(String stage, List<String> comments, int threads, ExecutorService pool) throws Exception {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < warmups + rounds; round++) {
            long start = System.nanoTime();
            long checksum = threads == 1 ? pass(stage, comments, 0, comments.size()) : parallelPass(stage, comments, threads, pool);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (checksum < 0) {
                throw new IllegalStateException("unreachable: keeps the work from being optimised away");
            }
            if (round >= warmups) {
                best = Math.min(best, seconds);
            }
        }
        return new Figure(stage, threads, comments.size() / best, best);
    }

    private long parallelPass(String stage, List<String> comments, int threads, ExecutorService pool) throws Exception {
        List<Future<Long>> parts = new ArrayList<>(threads);
        int size = comments.size();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) size * t / threads);
            int to = (int) ((long) size * (t + 1) / threads);
            parts.add(pool.submit(() -> pass(stage, comments, from, to)));
        }
        long sum = 0;
        for (Future<Long> part : parts) {
            sum += part.get();
        }
        return sum;
    }

    /** Processes comments [from, to) and returns a checksum of the output (chars or tokens). */
    private long pass(String stage, List<String> comments, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            String text = comments.get(i);
            sum += switch (stage) {
                case "clean" -> cleaner.clean(text).length();
                case "tokenize" -> tokenizer.encode(text, maxLen).size();
                case "clean+tokenize" -> tokenizer.encode(cleaner.clean(text), maxLen).size();
                default -> throw new IllegalArgumentException(stage);
            };
        }
        return sum;
    }
}
