package kcwb.training.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.OptionalInt;

/**
 * Token ↔ id of a tokenizer.json: the model's vocabulary plus its added tokens (WordPiece and BPE
 * keep a {@code {token: id}} map, Unigram a list of {@code [token, score]} where the index is the id).
 */
final class TokenizerVocabulary {
    private final Map<String, Integer> idByToken;
    private final int size;
    private final String unkToken;

    private TokenizerVocabulary(Map<String, Integer> idByToken, int size, String unkToken) {
        this.idByToken = idByToken;
        this.size = size;
        this.unkToken = unkToken;
    }

    static TokenizerVocabulary of(JsonNode tokenizerJson) {
        JsonNode model = tokenizerJson.path("model");
        JsonNode vocab = model.path("vocab");
        Map<String, Integer> idByToken = new HashMap<>();
        String unk = null;
        if (vocab.isObject()) {
            for (Entry<String, JsonNode> entry : vocab.properties()) {
                idByToken.put(entry.getKey(), entry.getValue().intValue());
            }
            unk = model.path("unk_token").isTextual() ? model.get("unk_token").textValue() : null;
        } else if (vocab.isArray()) {
            for (int id = 0; id < vocab.size(); id++) {
                idByToken.putIfAbsent(vocab.get(id).path(0).asText(), id);
            }
            JsonNode unkId = model.path("unk_id");
            unk = unkId.isInt() && unkId.intValue() < vocab.size() ? vocab.get(unkId.intValue()).path(0).asText() : null;
        } else {
            throw new IllegalArgumentException("its model has no vocab (type " + model.path("type").asText("?") + ")");
        }
        for (JsonNode added : tokenizerJson.path("added_tokens")) {
            idByToken.put(added.path("content").asText(), added.path("id").intValue());
        }
        int size = idByToken.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        return new TokenizerVocabulary(idByToken, size, unk);
    }

    /** A vocab.txt vocabulary (the specials are already in it). */
    static TokenizerVocabulary ofWordPiece(Map<String, Integer> vocab, String unkToken) {
        int size = vocab.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        return new TokenizerVocabulary(Map.copyOf(vocab), size, unkToken);
    }

    /** Highest id + 1: the number of rows an embedding matrix for this vocabulary needs. */
    int size() {
        return size;
    }

    OptionalInt id(String token) {
        Integer id = idByToken.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The model's unknown token, or null for models that have none (byte-level BPE). */
    String unkToken() {
        return unkToken;
    }
}
