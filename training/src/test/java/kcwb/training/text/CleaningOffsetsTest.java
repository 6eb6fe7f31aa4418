package kcwb.training.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Properties of the traced path's offsets, checked on every golden row and every recipe. */
class CleaningOffsetsTest {
    static Stream<CleaningRecipe> recipes() {
        return Stream.of(CleaningRecipe.kcelectra(), CleaningRecipe.kcelectraPretrain(),
                new CleaningRecipe("all-rules", List.of(new NaverMaskRule(), CharacterFilterRule.standard(),
                        new EmojiRemovalRule(), new UrlRemovalRule(), new StripRule(), new RepeatNormalizeRule(4),
                        new WhitespaceCollapseRule())),
                new CleaningRecipe("emoji-first", List.of(new EmojiRemovalRule(), new UrlRemovalRule(),
                        new RepeatNormalizeRule(1), new WhitespaceCollapseRule())));
    }

    @ParameterizedTest
    @MethodSource("recipes")
    void offsetsHoldOnEveryFixtureRow(CleaningRecipe recipe) throws IOException {
        KcCleaner cleaner = new KcCleaner(recipe);
        for (CleanFixture.Row row : CleanFixture.rows()) {
            String input = row.input();
            CleaningResult result = cleaner.cleanTraced(input);
            String where = recipe.id() + " line " + row.line() + " " + CleanFixture.escape(input);
            assertEquals(cleaner.clean(input), result.cleaned(), where + ": fast and traced paths differ");
            assertEquals(recipe.rules().size(), result.ruleChanges().size(), where);
            checkRow(result, where);
        }
    }

    private static void checkRow(CleaningResult result, String where) {
        String original = result.original();
        String cleaned = result.cleaned();
        boolean[] covered = new boolean[original.length()];
        boolean[] keptUnchanged = new boolean[original.length()];
        int previousStart = 0;
        for (int i = 0; i < cleaned.length(); ) {
            int cp = cleaned.codePointAt(i);
            Span span = result.originalSpanOf(i);
            int width = Character.charCount(cp);
            if (width == 2) {
                assertEquals(span, result.originalSpanOf(i + 1), where + ": halves of a pair map apart");
            }
            if (span.start() < previousStart || span.end() > original.length() || span.length() == 0) {
                fail(where + ": cleaned char " + i + " maps to " + span + " after " + previousStart);
            }
            previousStart = span.start();
            String source = original.substring(span.start(), span.end());
            if (cp != ' ') {
                assertEquals(new String(Character.toChars(cp)), source, where + ": cleaned char " + i + " is not its source");
            }
            for (int k = span.start(); k < span.end(); k++) {
                covered[k] = true;
                keptUnchanged[k] |= source.equals(new String(Character.toChars(cp)));
            }
            i += width;
        }
        for (RuleChanges changes : result.ruleChanges()) {
            int previousEnd = -1;
            for (Span span : changes.changed()) {
                assertTrue(span.start() > previousEnd && span.length() > 0, where + ": " + changes + " not sorted/disjoint");
                previousEnd = span.end();
                for (int k = span.start(); k < span.end(); k++) {
                    assertTrue(!keptUnchanged[k], where + ": " + changes.ruleKey() + " changed kept char " + k);
                    covered[k] = true;
                }
            }
        }
        for (int k = 0; k < covered.length; k++) {
            assertTrue(covered[k], where + ": original char " + k + " is neither kept nor changed by any rule");
        }
    }

    @Test
    void reportsWhatEachRuleChangedInOriginalCoordinates() {
        String input = "  ㅋㅋㅋㅋ😀좋아 ";
        CleaningResult result = KcCleaner.kcelectra().cleanTraced(input);
        assertEquals("ㅋㅋ 좋아", result.cleaned());
        assertEquals(List.of(
                new RuleChanges("character-filter", List.of(new Span(6, 8))),
                new RuleChanges("emoji-removal", List.of()),
                new RuleChanges("url-removal", List.of()),
                new RuleChanges("strip", List.of(new Span(0, 2), new Span(10, 11))),
                new RuleChanges("repeat-normalize", List.of(new Span(4, 6))),
                new RuleChanges("whitespace-collapse", List.of())), result.ruleChanges());
        assertEquals(new Span(6, 8), result.originalSpanOf(2));
        assertEquals(new Span(8, 10), result.toOriginal(3, 5));
        assertEquals("좋아", input.substring(8, 10));
        assertEquals(new Span(2, 10), result.toOriginal(0, 5));
        assertEquals(new Span(10, 10), result.toOriginal(5, 5));
    }

    @Test
    void urlAndEmojiRemovalsMapBack() {
        String input = "링크 https://x.co/a 👍🏻 끝";
        CleaningRecipe recipe = new CleaningRecipe("t", List.of(new EmojiRemovalRule(), new UrlRemovalRule(),
                new WhitespaceCollapseRule()));
        CleaningResult result = new KcCleaner(recipe).cleanTraced(input);
        assertEquals("링크 끝", result.cleaned());
        int url = input.indexOf("https");
        int emoji = input.indexOf("👍");
        assertEquals(List.of(new Span(emoji, emoji + 4)), result.ruleChanges().get(0).changed());
        assertEquals(List.of(new Span(url, url + "https://x.co/a".length())), result.ruleChanges().get(1).changed());
        assertEquals("끝", input.substring(result.originalSpanOf(3).start(), result.originalSpanOf(3).end()));
    }
}
