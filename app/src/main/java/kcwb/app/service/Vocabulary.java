package kcwb.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The size and padding id of a tokenizer folder's vocabulary: from vocab.txt, else from tokenizer.json. */
record Vocabulary(int size, int padId) {
    static Vocabulary read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--vocab " + dir + ": not a folder");
        }
        Path vocabTxt = dir.resolve("vocab.txt");
        if (Files.isRegularFile(vocabTxt)) {
            List<String> lines = Files.readAllLines(vocabTxt, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.getLast().isEmpty()) {
                lines = lines.subList(0, lines.size() - 1);
            }
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(vocabTxt + ": empty vocabulary");
            }
            int pad = lines.indexOf("[PAD]");
            return new Vocabulary(lines.size(), Math.max(pad, 0));
        }
        Path tokenizerJson = dir.resolve("tokenizer.json");
        if (Files.isRegularFile(tokenizerJson)) {
            JsonNode root = new ObjectMapper().readTree(tokenizerJson.toFile());
            JsonNode vocab = root.path("model").path("vocab");
            if (!vocab.isObject() || vocab.isEmpty()) {
                throw new IllegalArgumentException(tokenizerJson + ": no model.vocab object");
            }
            int maxId = -1;
            int pad = -1;
            for (var it = vocab.fields(); it.hasNext(); ) {
                var entry = it.next();
                maxId = Math.max(maxId, entry.getValue().asInt());
                if (entry.getKey().equals("[PAD]") || entry.getKey().equals("<pad>")) {
                    pad = entry.getValue().asInt();
                }
            }
            for (JsonNode added : root.path("added_tokens")) {
                maxId = Math.max(maxId, added.path("id").asInt());
            }
            return new Vocabulary(maxId + 1, Math.max(pad, 0));
        }
        throw new IllegalArgumentException("--vocab " + dir + ": has neither vocab.txt nor tokenizer.json");
    }
}
