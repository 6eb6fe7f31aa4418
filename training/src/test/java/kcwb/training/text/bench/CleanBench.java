package kcwb.training.text.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kcwb.training.text.CleaningRecipe;
import kcwb.training.text.KcCleaner;

/**
 * By hand, not a test: single-thread throughput of {@link KcCleaner#clean} and
 * {@link KcCleaner#cleanTraced} on a file with one comment per line. The Python peer is
 * {@code bench_clean.py} beside the clean fixture (same file, same clean()). Run from the repo root:
 * <pre>./mvnw -q -pl training test-compile
 * java -cp "training/target/classes:training/target/test-classes:$(cat cp.txt)" kcwb.training.text.bench.CleanBench FILE [recipe]</pre>
 */
public final class CleanBench {
    private CleanBench() {
    }

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        KcCleaner cleaner = new KcCleaner(CleaningRecipe.byId(args.length > 1 ? args[1] : CleaningRecipe.KCELECTRA));
        long sink = 0;
        for (int warmup = 0; warmup < 5; warmup++) {
            sink += run(lines, cleaner, false) + run(lines, cleaner, true);
        }
        for (boolean traced : new boolean[] {false, true}) {
            int passes = 5;
            long start = System.nanoTime();
            for (int pass = 0; pass < passes; pass++) {
                sink += run(lines, cleaner, traced);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("java %s %s: %.0f comments/s (%d comments x %d passes, 1 thread)%n",
                    traced ? "cleanTraced" : "clean", cleaner.recipe().id(), lines.size() * passes / seconds,
                    lines.size(), passes);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static long run(List<String> lines, KcCleaner cleaner, boolean traced) {
        long total = 0;
        for (String line : lines) {
            total += traced ? cleaner.cleanTraced(line).cleaned().length() : cleaner.clean(line).length();
        }
        return total;
    }
}
