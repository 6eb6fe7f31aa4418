package kcwb.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kcwb.app.service.BenchComments;
import kcwb.app.service.TextBench;
import kcwb.training.text.CleaningRecipe;
import kcwb.training.text.KcCleaner;
import kcwb.training.tokenize.KcTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kcwb bench text}: comments/s of clean, tokenize and both, on one thread and on several. */
@Command(name = "text",
        mixinStandardHelpOptions = true,
        description = {
            "Prints comments/s for clean, tokenize and clean+tokenize, on 1 thread and on --threads.",
            "Input: one comment per line, or a .tsv whose first column is the comment (header skipped).",
            "docs/bench/bench_text.sh runs this and the Python peer on the same file and prints the ratio."
        })
public final class BenchTextCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE", required = true, description = "Comments file (.txt lines or .tsv).")
    private Path input;

    @Option(names = "--model", paramLabel = "DIR", description = "Hugging Face model folder (default: the demo tokenizer).")
    private Path model;

    @Option(names = "--max-len", paramLabel = "N", defaultValue = "64", description = "Tokens per text (default: ${DEFAULT-VALUE}).")
    private int maxLen;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the parallel figure (default: all cores).")
    private Integer threads;

    @Option(names = "--rules", paramLabel = "ID", defaultValue = CleaningRecipe.KCELECTRA,
            description = "Cleaning recipe: kcelectra (default) or kcelectra-pretrain.")
    private String rules;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "Timed passes; the best counts (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--warmups", paramLabel = "N", defaultValue = "2", description = "Untimed passes first (default: ${DEFAULT-VALUE}).")
    private int warmups;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new UserFacingException(input + ": no such file");
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1 || rounds < 1 || warmups < 0) {
            throw new UserFacingException("--threads and --rounds must be at least 1, --warmups at least 0");
        }
        KcCleaner cleaner;
        try {
            cleaner = new KcCleaner(CleaningRecipe.byId(rules));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--rules: " + e.getMessage(), e);
        }
        List<String> comments;
        try {
            comments = BenchComments.read(input);
        } catch (IOException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        if (comments.isEmpty()) {
            throw new UserFacingException(input + " holds no comments");
        }
        PrintStream out = System.out;
        long loadStart = System.nanoTime();
        try (KcTokenizer tokenizer = TokenizerOption.open(model)) {
            if (maxLen < tokenizer.minMaxLen()) {
                throw new UserFacingException("--max-len must be at least " + tokenizer.minMaxLen() + " but was " + maxLen);
            }
            out.printf(Locale.ROOT, "java load tokenizer %s: %.0f ms%n", tokenizer.origin(), (System.nanoTime() - loadStart) / 1e6);
            out.printf(Locale.ROOT, "java comments %d, max_len %d, rules %s, best of %d after %d warm-ups, cores %d%n",
                    comments.size(), maxLen, rules, rounds, warmups, Runtime.getRuntime().availableProcessors());
            new TextBench(cleaner, tokenizer, maxLen, warmups, rounds).run(comments, threadCount, figure ->
                    out.printf(Locale.ROOT, "RESULT java %-15s threads=%d comments/s=%.0f%n",
                            figure.stage(), figure.threads(), figure.commentsPerSecond()));
        }
        return 0;
    }
}
