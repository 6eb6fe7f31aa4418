package kcwb.training.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour around the parity fixture: vocabulary queries, the demo model, and bad input. */
class KcTokenizerTest {
    @TempDir
    Path temp;

    @Test
    void vocabularyQueriesReflectVocabTxt() throws IOException {
        Path folder = TokenizeFixtures.model("wordpiece-cased");
        List<String> lines = Files.readAllLines(folder.resolve("vocab.txt"), StandardCharsets.UTF_8);
        try (KcTokenizer tokenizer = KcTokenizer.load(folder)) {
            assertEquals(lines.size(), tokenizer.vocabSize());
            assertEquals(OptionalInt.of(lines.indexOf("##다")), tokenizer.tokenId("##다"));
            assertEquals(OptionalInt.empty(), tokenizer.tokenId("no-such-token"));
            assertEquals(new SpecialTokenIds(0, 1, 2, 3, 4), tokenizer.specialTokenIds());
            assertEquals(3, tokenizer.minMaxLen());
            assertEquals(sha256(folder.resolve("vocab.txt")), tokenizer.vocabSha256());
        }
    }

    @Test
    void demoTokenizerLoadsFromTheClasspathAndKeepsHangulWhole() {
        try (KcTokenizer demo = KcTokenizer.demo()) {
            TokenizedText text = demo.encode("오늘 날씨 진짜 좋다 ㅋㅋㅋ", 64);
            assertEquals("[CLS]", text.tokens().getFirst());
            assertEquals("[SEP]", text.tokens().getLast());
            assertEquals(0, text.unknownCount(), text.tokens().toString());
            assertTrue(demo.vocabSize() > 2000, "demo vocab size " + demo.vocabSize());
            assertEquals(new SpecialTokenIds(0, 1, 2, 3, 4), demo.specialTokenIds());
        }
    }

    @Test
    void longTextIsNotCutAt512UnlessAsked() throws IOException {
        String text = "ㅋㅋ 대박 ".repeat(600);
        try (KcTokenizer tokenizer = KcTokenizer.load(TokenizeFixtures.model("wordpiece-cased"))) {
            TokenizedText whole = tokenizer.encode(text, 5000);
            assertTrue(whole.size() > 1000, "tokens: " + whole.size());
            assertFalse(whole.isTruncated());
            TokenizedText cut = tokenizer.encode(text, 4);
            assertEquals(4, cut.size());
            assertEquals(List.of("[CLS]", "ㅋㅋ", "대박", "[SEP]"), cut.tokens());
            assertEquals(text.indexOf("ㅋㅋ", 1), cut.truncatedAt());
        }
    }

    @Test
    void truncationAndPaddingSavedInATokenizerJsonDoNotApply() throws IOException {
        String json = Files.readString(TokenizeFixtures.model("bytelevel-bpe").resolve("tokenizer.json"));
        String withLimits = json.replaceFirst("\"truncation\":\\s*null", "\"truncation\":{\"direction\":\"Right\","
                + "\"max_length\":4,\"strategy\":\"LongestFirst\",\"stride\":0}");
        assertFalse(withLimits.equals(json), "the fixture's truncation was replaced");
        Files.writeString(temp.resolve("tokenizer.json"), withLimits);
        String text = "이 기사 진짜 미쳤다 ㅋㅋㅋ 대박";
        try (KcTokenizer original = KcTokenizer.load(TokenizeFixtures.model("bytelevel-bpe"));
                KcTokenizer limited = KcTokenizer.load(temp)) {
            TokenizedText expected = original.encode(text, 512);
            assertTrue(expected.size() > 4);
            assertArrayEquals(expected.ids(), limited.encode(text, 512).ids());
        }
    }

    @Test
    void loneSurrogatesAreEncodedAsReplacementWithoutShiftingOffsets() throws IOException {
        String text = "앞\uD800뒤 😀 \uDC00끝";
        try (KcTokenizer tokenizer = KcTokenizer.load(TokenizeFixtures.model("wordpiece-cased"))) {
            TokenizedText actual = tokenizer.encode(text, 64);
            TokenizedText clean = tokenizer.encode("앞\uFFFD뒤 😀 \uFFFD끝", 64);
            assertArrayEquals(clean.ids(), actual.ids());
            assertArrayEquals(clean.charStarts(), actual.charStarts());
            int last = actual.size() - 2;
            assertEquals("끝", text.substring(actual.charStart(last), actual.charEnd(last)));
        }
    }

    @Test
    void batchOfManyTextsKeepsOrderAndEqualsSingleEncodes() throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            texts.add(i + "번째 댓글 ㅋㅋ " + "진짜 ".repeat(i % 7));
        }
        try (KcTokenizer tokenizer = KcTokenizer.load(TokenizeFixtures.model("wordpiece-cased"))) {
            List<TokenizedText> batch = tokenizer.encodeBatch(texts, 8);
            for (int i = 0; i < texts.size(); i += 97) {
                assertArrayEquals(tokenizer.encode(texts.get(i), 8).ids(), batch.get(i).ids(), "text " + i);
            }
            assertEquals(List.of(), tokenizer.encodeBatch(List.of(), 8));
        }
    }

    @Test
    void badArgumentsAreRejectedBeforeNativeCode() throws IOException {
        try (KcTokenizer tokenizer = KcTokenizer.load(TokenizeFixtures.model("wordpiece-cased"))) {
            var tooShort = assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("안녕", 2));
            assertEquals("maxLen must be at least 3 (2 special tokens + 1 text token) but was 2", tooShort.getMessage());
            assertThrows(IllegalArgumentException.class, () -> tokenizer.encode("안녕", -1));
            assertThrows(NullPointerException.class, () -> tokenizer.encode(null, 8));
            var nullInBatch = assertThrows(NullPointerException.class,
                    () -> tokenizer.encodeBatch(Arrays.asList("a", null), 8));
            assertEquals("texts[1] is null", nullInBatch.getMessage());
        }
    }

    @Test
    void missingFolderAndFilesAreNamed() throws IOException {
        Path missing = temp.resolve("nope");
        assertMessage(missing + " is not a folder", missing);

        assertMessage("neither " + temp.resolve("tokenizer.json") + " nor " + temp.resolve("vocab.txt"), temp);

        Files.writeString(temp.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n안녕\n");
        assertMessage(temp.resolve("tokenizer_config.json") + " is missing", temp);
    }

    @Test
    void brokenFilesAreNamedWithTheirProblem() throws IOException {
        Files.writeString(temp.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n안녕\n");
        Files.writeString(temp.resolve("tokenizer_config.json"), "{\"do_lower_case\": false,");
        assertMessage(temp.resolve("tokenizer_config.json") + " is not valid JSON", temp);

        Files.writeString(temp.resolve("tokenizer_config.json"), "{\"do_lower_case\": false}");
        assertMessage(temp.resolve("vocab.txt") + ": the special token [MASK] is not in vocab.txt", temp);

        Files.writeString(temp.resolve("tokenizer_config.json"), "{\"do_lower_case\": \"no\"}");
        assertMessage(temp.resolve("tokenizer_config.json") + ": expected true, false or null", temp);

        Files.write(temp.resolve("vocab.txt"), new byte[] {'[', 'P', 'A', 'D', ']', '\n', (byte) 0xC3, '\n'});
        Files.writeString(temp.resolve("tokenizer_config.json"), "{}");
        assertMessage(temp.resolve("vocab.txt") + " is not valid UTF-8", temp);

        Files.writeString(temp.resolve("tokenizer.json"), "{\"model\": {\"type\": \"Nonsense\", \"vocab\": {}}}");
        assertMessage(temp.resolve("tokenizer.json") + " is not a tokenizer the HF tokenizers library accepts", temp);
    }

    @Test
    void crlfVocabReadsLikeTransformersLoadVocab() {
        var vocab = WordPieceJson.parseVocab("[PAD]\r\n[UNK]\r하\n##다\n하");
        assertEquals(List.of("[PAD]", "[UNK]", "하", "##다"), List.copyOf(vocab.keySet()));
        assertEquals(4, vocab.get("하"), "a repeated token keeps its last line, as in a Python dict");
    }

    private static void assertMessage(String expectedStart, Path folder) {
        var error = assertThrows(InvalidTokenizerException.class, () -> KcTokenizer.load(folder).close());
        assertTrue(error.getMessage().contains(expectedStart), error.getMessage());
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
