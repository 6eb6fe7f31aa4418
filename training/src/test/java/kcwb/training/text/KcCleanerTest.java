package kcwb.training.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Java equals Python on every golden row, for every recipe and every rule with a Python oracle. */
class KcCleanerTest {
    private static void assertMatchesFixture(String column, UnaryOperator<String> clean) throws IOException {
        List<CleanFixture.Row> rows = CleanFixture.rows();
        List<String> mismatches = new ArrayList<>();
        for (CleanFixture.Row row : rows) {
            String actual = clean.apply(row.input());
            String expected = row.expected(column);
            if (!expected.equals(actual)) {
                mismatches.add("line " + row.line() + ": input " + CleanFixture.escape(row.input()) + "\n  python "
                        + CleanFixture.escape(expected) + "\n  java   " + CleanFixture.escape(actual));
            }
        }
        assertTrue(rows.size() > 700, "fixture has " + rows.size() + " rows");
        assertTrue(mismatches.isEmpty(), column + ": " + mismatches.size() + " of " + rows.size()
                + " rows differ from Python; first ones:\n" + String.join("\n", mismatches.subList(0, Math.min(8, mismatches.size()))));
    }

    private static UnaryOperator<String> fast(CleaningRecipe recipe) {
        return new KcCleaner(recipe)::clean;
    }

    private static UnaryOperator<String> traced(CleaningRecipe recipe) {
        KcCleaner cleaner = new KcCleaner(recipe);
        return text -> cleaner.cleanTraced(text).cleaned();
    }

    private static CleaningRecipe single(CleaningRule... rules) {
        return new CleaningRecipe("test", List.of(rules));
    }

    @Test
    void kcelectraEqualsPython() throws IOException {
        assertMatchesFixture("kcelectra", fast(CleaningRecipe.kcelectra()));
        assertMatchesFixture("kcelectra", traced(CleaningRecipe.kcelectra()));
    }

    @Test
    void kcelectraPretrainEqualsPython() throws IOException {
        assertMatchesFixture("kcelectra-pretrain", fast(CleaningRecipe.kcelectraPretrain()));
        assertMatchesFixture("kcelectra-pretrain", traced(CleaningRecipe.kcelectraPretrain()));
    }

    @Test
    void emojiRemovalAloneEqualsReplaceEmoji() throws IOException {
        assertMatchesFixture("emoji-removal", fast(single(new EmojiRemovalRule())));
        assertMatchesFixture("emoji-removal", traced(single(new EmojiRemovalRule())));
    }

    @Test
    void urlRemovalAloneEqualsUrlPattern() throws IOException {
        assertMatchesFixture("url-removal", fast(single(new UrlRemovalRule())));
    }

    @Test
    void naverMaskAloneEqualsItsRegex() throws IOException {
        assertMatchesFixture("naver-mask-removal", fast(single(new NaverMaskRule())));
    }

    @Test
    void repeatNormalizeWithThreeCopiesEqualsSoynlp() throws IOException {
        assertMatchesFixture("repeat-normalize-3", fast(single(new RepeatNormalizeRule(3), new WhitespaceCollapseRule())));
        assertMatchesFixture("repeat-normalize-3", traced(single(new RepeatNormalizeRule(3), new WhitespaceCollapseRule())));
    }

    @Test
    void readmeExamples() {
        KcCleaner cleaner = KcCleaner.kcelectra();
        assertEquals("ㅋㅋ 진짜 100원", cleaner.clean("ㅋㅋㅋㅋㅋ 진짜 10000원"));
        assertEquals("기사 보세요", cleaner.clean("기사 https://n.news.naver.com/a/1 보세요"));
        assertEquals("가족", cleaner.clean("👨‍👩‍👧 가족 🇰🇷"));
        assertEquals("ㅋㅋ😀😀😀 좋아", new KcCleaner(CleaningRecipe.kcelectraPretrain()).clean("ㅋㅋㅋㅋ😀😀😀 좋아"));
    }

    @Test
    void pythonWhitespaceIsNotJavas() {
        assertTrue(PythonUnicode.isSpace(0x1C) && PythonUnicode.isStripSpace(0x1F) && PythonUnicode.isSpace(0x85));
        assertTrue(!PythonUnicode.isSpace(0x200B) && !PythonUnicode.isWord(0x0301) && PythonUnicode.isWord(0xB2));
        assertEquals("가 나", KcCleaner.kcelectra().clean("\u001c가\u001f\u001e나\u001d"));
    }
}
