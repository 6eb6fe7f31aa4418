package kcwb.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kcwb.app.service.BadInputLineException;
import kcwb.app.service.TokenizeService;
import kcwb.training.tokenize.KcTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kcwb tokenize}: JSON strings in, one JSON object per line out, as the model would see them. */
@Command(name = "tokenize",
        mixinStandardHelpOptions = true,
        description = {
            "Tokenizes comments like KcELECTRA's tokenizer (ids identical to Python transformers).",
            "Reads stdin: one JSON string per line, e.g. \"이 기사 진짜 ㅋㅋㅋ\".",
            "Writes one JSON object per line, same order: {\"tokens\", \"ids\", \"offsets\", \"unk\", \"truncated_at\"}.",
            "offsets are [start, end) in UTF-16 code units (Java/JavaScript string indices); [-1,-1] for [CLS]/[SEP].",
            "truncated_at is where the first token cut by --max-len starts, -1 when nothing was cut.",
            "Invalid UTF-8, invalid JSON or a non-string value stops with the line number (exit 2)."
        })
public final class TokenizeCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "DIR",
            description = "Hugging Face model folder (tokenizer.json, or vocab.txt + tokenizer_config.json). "
                    + "Default: the demo tokenizer that ships with the app.")
    private Path model;

    @Option(names = "--max-len", paramLabel = "N", defaultValue = "512",
            description = "Most tokens per text, [CLS] and [SEP] included (default: ${DEFAULT-VALUE}).")
    private int maxLen;

    private final InputStream in;
    private final OutputStream out;

    /** Reads System.in and writes System.out (how picocli creates it). */
    public TokenizeCommand() {
        this(System.in, System.out);
    }

    /** For tests and embedding: explicit streams. */
    public TokenizeCommand(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        try (KcTokenizer tokenizer = TokenizerOption.open(model)) {
            if (maxLen < tokenizer.minMaxLen()) {
                throw new UserFacingException("--max-len must be at least " + tokenizer.minMaxLen()
                        + " ([CLS], [SEP] and one token) but was " + maxLen);
            }
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            try {
                new TokenizeService(tokenizer, maxLen).run(in, "stdin", buffered);
            } catch (BadInputLineException e) {
                throw new UserFacingException(e.getMessage() + " (every line before it was written)", e);
            } finally {
                buffered.flush();
            }
        }
        return 0;
    }
}
