package kcwb.training.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The golden rows of {@code fixtures/clean/clean.jsonl}, made by Python (see make_fixture.py). */
final class CleanFixture {
    record Row(int line, JsonNode json) {
        String input() {
            return json.get("input").asText();
        }

        String expected(String column) {
            return json.get(column).asText();
        }
    }

    private CleanFixture() {
    }

    private static List<Row> cached;

    static synchronized List<Row> rows() throws IOException {
        if (cached == null) {
            cached = List.copyOf(read());
        }
        return cached;
    }

    private static List<Row> read() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        try (InputStream stream = CleanFixture.class.getResourceAsStream("/fixtures/clean/clean.jsonl")) {
            if (stream == null) {
                throw new IllegalStateException("fixtures/clean/clean.jsonl is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            int line = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                rows.add(new Row(++line, mapper.readTree(text)));
            }
        }
        return rows;
    }

    /** A string with every non-printable-ASCII char as \\uXXXX, so mismatches are readable. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else if (c >= 0xAC00 && c <= 0xD7A3) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
