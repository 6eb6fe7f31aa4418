package kcwb.app.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import kcwb.training.text.CleaningRecipe;
import kcwb.training.text.KcCleaner;

/**
 * Cleans a stream of texts, one per line, in order and in constant memory (the CLI's {@code kcwb clean}).
 * Plain mode: each line is a text. JSONL mode: each line is one JSON string, and each output line is
 * one JSON string. Output already written stays written when a bad line stops the run.
 */
public final class CleanService {
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Cleans every line of {@code in} into {@code out}; returns the number of lines.
     *
     * @throws BadInputLineException for invalid UTF-8, or in JSONL mode a line that is not one JSON string
     */
    public long clean(InputStream in, String sourceName, OutputStream out, CleaningRecipe recipe, boolean jsonl)
            throws IOException {
        KcCleaner cleaner = new KcCleaner(recipe);
        Utf8LineReader reader = new Utf8LineReader(in, sourceName);
        // An encoder given explicitly reports unencodable text (lone surrogates) instead of writing '?'.
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()), 64 * 1024);
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = jsonl ? JsonStringLine.parse(line, sourceName, reader.lineNumber()) : line;
                String cleaned = cleaner.clean(text);
                writer.write(jsonl ? json.writeValueAsString(cleaned) : cleaned);
                writer.write('\n');
            }
        } finally {
            writer.flush();
        }
        return reader.lineNumber();
    }

}
