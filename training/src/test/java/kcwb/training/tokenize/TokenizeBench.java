package kcwb.training.tokenize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokenize throughput, a command (not a test): texts/s for one-at-a-time {@link KcTokenizer#encode}
 * on one thread and for {@link KcTokenizer#encodeBatch} in batches of 256. Its Python peer is
 * fixtures/tokenize/tokenize_bench.py (same file, same model, same max_len).
 *
 * <pre>
 * ./mvnw -q -B -pl training test-compile
 * java -Dai.djl.offline=true --enable-native-access=ALL-UNNAMED -cp "training/target/classes:training/target/test-classes:$(cat cp.txt)" \
 *     kcwb.training.tokenize.TokenizeBench MODEL_DIR TSV_FILE [MAX_LEN]
 * </pre>
 * (cp.txt from {@code ./mvnw -q -pl training dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 * The TSV's first column, header skipped, is the text.
 */
public final class TokenizeBench {
    private static final int BATCH = 256;
    private static final int ROUNDS = 5;

    private TokenizeBench() {}

    public static void main(String[] args) throws IOException {
        Path model = Path.of(args[0]);
        List<String> texts = firstColumn(Path.of(args[1]));
        int maxLen = args.length > 2 ? Integer.parseInt(args[2]) : 512;

        long loadStart = System.nanoTime();
        try (KcTokenizer tokenizer = KcTokenizer.load(model)) {
            double loadMs = (System.nanoTime() - loadStart) / 1e6;
            System.out.printf("java load %s: %.0f ms (vocab %d)%n", model, loadMs, tokenizer.vocabSize());
            long tokens = 0;
            for (String text : texts) { // warm-up
                tokens += tokenizer.encode(text, maxLen).size();
            }
            double single = best(() -> {
                for (String text : texts) {
                    tokenizer.encode(text, maxLen);
                }
            });
            double batch = best(() -> {
                for (int i = 0; i < texts.size(); i += BATCH) {
                    tokenizer.encodeBatch(texts.subList(i, Math.min(texts.size(), i + BATCH)), maxLen);
                }
            });
            System.out.printf("java texts %d, tokens %d, max_len %d, cores %d%n", texts.size(), tokens, maxLen,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("java encode one at a time: %.0f texts/s%n", texts.size() / single);
            System.out.printf("java encodeBatch(%d):      %.0f texts/s%n", BATCH, texts.size() / batch);
        }
    }

    /** Best wall time in seconds of ROUNDS runs (least disturbed by other processes on the machine). */
    private static double best(Runnable work) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static List<String> firstColumn(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        List<String> texts = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            texts.add(line.split("\t", -1)[0]);
        }
        return texts;
    }
}
