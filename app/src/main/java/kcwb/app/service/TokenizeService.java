package kcwb.app.service;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import kcwb.training.tokenize.KcTokenizer;
import kcwb.training.tokenize.TokenizedText;

/**
 * Streams JSON Lines through a tokenizer: each input line is one JSON string, each output line one
 * JSON object {@code {"tokens", "ids", "offsets", "unk", "truncated_at"}} in the same order.
 * Lines are encoded in batches (fast, in parallel in the native library) and memory stays constant.
 * The first bad line stops the run after every line before it has been written.
 */
public final class TokenizeService {
    /** Lines encoded together; large enough for the native batch to pay off, small enough to stream. */
    public static final int BATCH_SIZE = 256;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final KcTokenizer tokenizer;
    private final int maxLen;

    public TokenizeService(KcTokenizer tokenizer, int maxLen) {
        this.tokenizer = tokenizer;
        this.maxLen = maxLen;
    }

    /**
     * Tokenizes every line of in into out; returns the number of lines written.
     *
     * @throws BadInputLineException for invalid UTF-8, invalid JSON or a JSON value that is not a string
     */
    public long run(InputStream in, String sourceName, OutputStream out) throws IOException {
        Utf8LineReader lines = new Utf8LineReader(in, sourceName);
        long written = 0;
        try (JsonGenerator json = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            List<String> batch = new ArrayList<>(BATCH_SIZE);
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    batch.add(JsonStringLine.parse(line, sourceName, lines.lineNumber()));
                    if (batch.size() == BATCH_SIZE) {
                        written += writeBatch(batch, json);
                    }
                }
            } catch (BadInputLineException e) {
                writeBatch(batch, json); // every good line before the bad one still comes out
                throw e;
            }
            written += writeBatch(batch, json);
        }
        return written;
    }

    private int writeBatch(List<String> batch, JsonGenerator json) throws IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        List<TokenizedText> encoded = tokenizer.encodeBatch(batch, maxLen);
        for (TokenizedText text : encoded) {
            write(text, json);
        }
        json.flush();
        int count = batch.size();
        batch.clear();
        return count;
    }


    private static void write(TokenizedText text, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("tokens");
        for (String token : text.tokens()) {
            json.writeString(token);
        }
        json.writeEndArray();
        json.writeFieldName("ids");
        json.writeArray(text.ids(), 0, text.size());
        json.writeArrayFieldStart("offsets");
        for (int i = 0; i < text.size(); i++) {
            json.writeArray(new int[] {text.charStart(i), text.charEnd(i)}, 0, 2);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("unk");
        for (boolean unk : text.unknown()) {
            json.writeBoolean(unk);
        }
        json.writeEndArray();
        json.writeNumberField("truncated_at", text.truncatedAt());
        json.writeEndObject();
        json.writeRaw('\n');
    }
}
