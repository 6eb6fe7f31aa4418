package kcwb.training.tokenize;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the golden fixture: our ids, tokens, token types, UTF-16 offsets and truncation
 * point equal what Python transformers' fast tokenizer gives, and the slow tokenizer's ids where
 * the fixture records them (WordPiece models).
 */
class KcTokenizerParityTest {
    private static final List<String> INPUTS = TokenizeFixtures.inputs();

    static Stream<Arguments> models() {
        return Stream.of("wordpiece-cased", "wordpiece-uncased", "wordpiece-nochinese", "bytelevel-bpe")
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("models")
    void encodeMatchesTransformersOnEveryFixtureRow(String model) throws IOException {
        List<JsonNode> rows = TokenizeFixtures.expectedRows().stream()
                .filter(row -> row.get("model").textValue().equals(model)).toList();
        assertTrue(rows.size() >= INPUTS.size(), "fixture rows for " + model);
        try (KcTokenizer tokenizer = KcTokenizer.load(TokenizeFixtures.model(model))) {
            for (JsonNode row : rows) {
                String text = INPUTS.get(row.get("input").intValue());
                assertMatches(row, text, tokenizer.encode(text, row.get("max_len").intValue()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void encodeBatchMatchesTransformersInInputOrder(String model) throws IOException {
        try (KcTokenizer tokenizer = KcTokenizer.load(TokenizeFixtures.model(model))) {
            for (int maxLen : new int[] {512, 10, 3}) {
                List<JsonNode> rows = TokenizeFixtures.expectedRows().stream()
                        .filter(row -> row.get("model").textValue().equals(model))
                        .filter(row -> row.get("max_len").intValue() == maxLen).toList();
                List<String> texts = new ArrayList<>();
                rows.forEach(row -> texts.add(INPUTS.get(row.get("input").intValue())));
                List<TokenizedText> batch = tokenizer.encodeBatch(texts, maxLen);
                assertEquals(rows.size(), batch.size());
                for (int i = 0; i < rows.size(); i++) {
                    assertMatches(rows.get(i), texts.get(i), batch.get(i));
                }
            }
        }
    }

    static void assertMatches(JsonNode row, String text, TokenizedText actual) {
        String where = row.get("model").textValue() + " input " + row.get("input") + " max_len " + row.get("max_len")
                + " " + TokenizeFixtures.JSON.valueToTree(text);
        long[] ids = TokenizeFixtures.longs(row.get("ids"));
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            starts[i] = row.get("offsets").get(i).get(0).intValue();
            ends[i] = row.get("offsets").get(i).get(1).intValue();
        }
        assertAll(where,
                () -> assertArrayEquals(ids, actual.ids(), "ids"),
                () -> assertEquals(TokenizeFixtures.strings(row.get("tokens")), actual.tokens(), "tokens"),
                () -> assertArrayEquals(TokenizeFixtures.longs(row.get("type_ids")), actual.typeIds(), "type ids"),
                () -> assertArrayEquals(starts, actual.charStarts(), "UTF-16 starts"),
                () -> assertArrayEquals(ends, actual.charEnds(), "UTF-16 ends"),
                () -> assertEquals(row.get("truncated_at").intValue(), actual.truncatedAt(), "truncated_at"),
                () -> {
                    if (row.has("slow_ids")) {
                        assertArrayEquals(TokenizeFixtures.longs(row.get("slow_ids")), actual.ids(), "slow ids");
                    }
                },
                () -> {
                    for (int i = 0; i < actual.size(); i++) {
                        assertEquals(1L, actual.attentionMask()[i]);
                        assertEquals(starts[i] < 0, actual.special()[i], "special flag " + i);
                        assertEquals(actual.tokens().get(i).equals("[UNK]"), actual.unknown()[i], "unk flag " + i);
                    }
                    assertFalse(actual.size() > row.get("max_len").intValue(), "longer than max_len");
                });
    }
}
