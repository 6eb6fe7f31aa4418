package kcwb.training.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The golden fixture made by fixtures/tokenize/make_fixture.py with Python transformers. */
final class TokenizeFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private TokenizeFixtures() {}

    static Path dir() {
        try {
            return Path.of(TokenizeFixtures.class.getResource("/fixtures/tokenize/inputs.jsonl").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path model(String name) {
        return dir().resolve(name);
    }

    static List<String> inputs() {
        List<String> inputs = new ArrayList<>();
        for (JsonNode node : jsonLines(dir().resolve("inputs.jsonl"))) {
            inputs.add(node.textValue());
        }
        return inputs;
    }

    static List<JsonNode> expectedRows() {
        return jsonLines(dir().resolve("expected.jsonl"));
    }

    static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).longValue();
        }
        return out;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.textValue()));
        return out;
    }

    private static List<JsonNode> jsonLines(Path file) {
        try {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                rows.add(JSON.readTree(line));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
