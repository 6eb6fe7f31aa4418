package kcwb.training.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pure-Java WordPiece path against its oracles: the golden fixture made by Python transformers, and
 * DJL's native HF tokenizers ({@link KcTokenizer#encodeNative}) on every char it accepts and on thousands
 * of fuzzed comments. Any text it accepts must give exactly what DJL gives, field by field.
 */
class BertWordPieceTest {
    private static final String[] PIECES = {
        "ㅋㅋ", "ㅋㅋㅋㅋ", "ㅎㅎ", "ㅠㅠ", "ㄹㅇ", "ㅂㅅ", "진짜", "대박", "이다", "기사", "댓글", "뷁", "똠", "안녕하세요",
        "10000원", "2024년", "abc", "Hello", "KcELECTRA", "e\u0301", "…", "—", "‘", "’", "“", "”", "「", "」", "、", "。",
        "〰", "％", "！", "Ａ", "∼", "·", "§", "¶", "«", "»", "¿", "\u00AD", "\u200B", "\u200D", "\u2065", "\u2066",
        "中国", "漢字", "\u0000", "\u001F", "\u0085", "\u000B", "\u000C", "\uFFFD", "\u00A0", "\u2028", "\u3000", "\t",
        "\n", "\r\n", " ", "  ", ".", ",", "?", "!", "/", "@", "$", "%", "~", "(", ")", "#", "##", "^", "`", "_", "\\",
        "😂", "👍🏻", "\uD83E\uDD29", "\uD800", "[MASK]", "[UNK]", "[CLS", "SEP]", "x".repeat(99), "가".repeat(101),
    };

    @TempDir
    Path dir;

    @Test
    void theCasedFixtureTokenizerUsesTheJavaPathAndMatchesTransformersOnTheFixture() throws IOException {
        Path model = TokenizeFixtures.model("wordpiece-cased");
        BertWordPiece wordPiece = TokenizerFiles.load(TokenizerFiles.folder(model)).wordPiece();
        assertNotNull(wordPiece, "cased vocab.txt folders get the Java path");
        List<String> inputs = TokenizeFixtures.inputs();
        int covered = 0;
        int rows = 0;
        for (JsonNode row : TokenizeFixtures.expectedRows()) {
            if (!row.get("model").textValue().equals("wordpiece-cased")) {
                continue;
            }
            rows++;
            String text = inputs.get(row.get("input").intValue());
            TokenizedText fast = wordPiece.encode(text, row.get("max_len").intValue());
            if (fast != null) {
                covered++;
                KcTokenizerParityTest.assertMatches(row, text, fast);
            }
        }
        assertTrue(covered >= rows / 2, "the Java path handled " + covered + " of " + rows + " fixture rows");
    }

    @Test
    void lowercasingFoldersAndTokenizerJsonFoldersStayOnDjl() throws IOException {
        assertNull(TokenizerFiles.load(TokenizerFiles.folder(TokenizeFixtures.model("wordpiece-uncased"))).wordPiece());
        assertNull(TokenizerFiles.load(TokenizerFiles.folder(TokenizeFixtures.model("bytelevel-bpe"))).wordPiece());
    }

    @Test
    void everyAcceptedCharMatchesDjlAlone_inAWord_andBetweenWords() throws IOException {
        for (KcTokenizer tokenizer : List.of(KcTokenizer.demo(), casedWithoutChineseSplitting())) {
            try (tokenizer) {
                BertWordPiece wordPiece = wordPieceOf(tokenizer);
                int accepted = 0;
                for (int c = 0; c < 0x10000; c++) {
                    String ch = String.valueOf((char) c);
                    String text = ch + "가" + ch + "나" + ch + " a" + ch;
                    TokenizedText fast = wordPiece.encode(text, 512);
                    if (fast != null) {
                        accepted++;
                        assertSame(tokenizer.encodeNative(text, 512), fast, "U+" + Integer.toHexString(c));
                    }
                }
                assertTrue(accepted > 30_000, "accepted " + accepted);
            }
        }
    }

    @Test
    void fuzzedCommentsMatchDjl() throws IOException {
        Random random = new Random(20261128);
        for (KcTokenizer tokenizer : List.of(KcTokenizer.demo(),
                KcTokenizer.load(TokenizeFixtures.model("wordpiece-cased")), casedWithoutChineseSplitting())) {
            try (tokenizer) {
                BertWordPiece wordPiece = wordPieceOf(tokenizer);
                int accepted = 0;
                for (int n = 0; n < 3000; n++) {
                    String text = fuzz(random);
                    int maxLen = new int[] {3, 4, 8, 64, 512}[random.nextInt(5)];
                    TokenizedText viaEncode = tokenizer.encode(text, maxLen);
                    assertSame(tokenizer.encodeNative(text, maxLen), viaEncode, text);
                    accepted += wordPiece.encode(text, maxLen) != null ? 1 : 0;
                }
                assertTrue(accepted > 1000, "the Java path took " + accepted + " of 3000");
            }
        }
    }

    @Test
    void encodeBatchMixesBothPathsInInputOrder() {
        try (KcTokenizer tokenizer = KcTokenizer.demo()) {
            List<String> texts = List.of("진짜 대박 ㅋㅋ", "😂 이모지", "[MASK] 가면", "", "뷁 똠");
            List<TokenizedText> batch = tokenizer.encodeBatch(texts, 64);
            for (int i = 0; i < texts.size(); i++) {
                assertSame(tokenizer.encodeNative(texts.get(i), 64), batch.get(i), texts.get(i));
            }
        }
    }

    private static String fuzz(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(random.nextInt(10) == 0 ? 60 : 12);
        for (int i = 0; i < pieces; i++) {
            int pick = random.nextInt(10);
            if (pick < 6) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            } else if (pick < 8) {
                text.append((char) (0xAC00 + random.nextInt(0xD7A4 - 0xAC00)));
            } else if (pick < 9) {
                text.append((char) (0x20 + random.nextInt(0x60)));
            } else {
                text.append((char) random.nextInt(0x10000));
            }
            if (random.nextInt(3) == 0) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private KcTokenizer casedWithoutChineseSplitting() throws IOException {
        Path model = Files.createDirectories(dir.resolve("cased-nochinese-" + System.nanoTime()));
        Files.copy(TokenizeFixtures.model("wordpiece-cased").resolve("vocab.txt"), model.resolve("vocab.txt"));
        Files.writeString(model.resolve("tokenizer_config.json"),
                "{\"do_lower_case\": false, \"strip_accents\": null, \"tokenize_chinese_chars\": false}");
        KcTokenizer tokenizer = KcTokenizer.load(model);
        assertNotNull(wordPieceOf(tokenizer));
        return tokenizer;
    }

    private static BertWordPiece wordPieceOf(KcTokenizer tokenizer) {
        return tokenizer.wordPiece();
    }

    static void assertSame(TokenizedText expected, TokenizedText actual, String what) {
        StringBuilder escaped = new StringBuilder();
        what.chars().forEach(c -> escaped.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        String label = escaped.toString();
        assertEquals(expected.tokens(), actual.tokens(), "tokens of " + label);
        assertArrayEquals(expected.ids(), actual.ids(), "ids of " + label);
        assertArrayEquals(expected.attentionMask(), actual.attentionMask(), "mask of " + label);
        assertArrayEquals(expected.typeIds(), actual.typeIds(), "types of " + label);
        assertArrayEquals(expected.unknown(), actual.unknown(), "unknown of " + label);
        assertArrayEquals(expected.special(), actual.special(), "special of " + label);
        assertArrayEquals(expected.charStarts(), actual.charStarts(), "starts of " + label);
        assertArrayEquals(expected.charEnds(), actual.charEnds(), "ends of " + label);
        assertEquals(expected.truncatedAt(), actual.truncatedAt(), "truncatedAt of " + label);
    }
}
