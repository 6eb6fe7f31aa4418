package kcwb.app.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Cleans every line of {@code in} into {@code out}; returns the number of lines. */
    public long clean(InputStream in, OutputStream out, CleaningRecipe recipe, boolean jsonl)
            throws IOException, BadLineException {
        KcCleaner cleaner = new KcCleaner(recipe);
        Utf8LineReader reader = new Utf8LineReader(in);
        // An encoder given explicitly reports unencodable text (lone surrogates) instead of writing '?'.
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()), 64 * 1024);
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = jsonl ? parseJsonString(line, reader.lineNumber()) : line;
                String cleaned = cleaner.clean(text);
                writer.write(jsonl ? json.writeValueAsString(cleaned) : cleaned);
                writer.write('\n');
            }
        } finally {
            writer.flush();
        }
        return reader.lineNumber();
    }

    private String parseJsonString(String line, long lineNumber) throws BadLineException {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadLineException(lineNumber, "invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new BadLineException(lineNumber, "empty line, expected a JSON string", null);
        }
        if (!node.isTextual()) {
            throw new BadLineException(lineNumber, "expected a JSON string, found " + node.getNodeType().toString()
                    .toLowerCase(java.util.Locale.ROOT), null);
        }
        return node.textValue();
    }
}
