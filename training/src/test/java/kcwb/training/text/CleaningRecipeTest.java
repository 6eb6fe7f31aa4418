package kcwb.training.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleaningRecipeTest {
    @Test
    void namedRecipesAreFoundByIdAndListTheirRules() {
        assertEquals(List.of("character-filter", "emoji-removal", "url-removal", "strip", "repeat-normalize",
                "whitespace-collapse"), CleaningRecipe.byId("kcelectra").ruleKeys());
        assertEquals(List.of("character-filter-keep-emoji", "url-removal", "strip", "repeat-normalize",
                "whitespace-collapse"), CleaningRecipe.byId("KCELECTRA-PRETRAIN").ruleKeys());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> CleaningRecipe.byId("kobert"));
        assertTrue(unknown.getMessage().contains("kcelectra-pretrain"), unknown.getMessage());
    }

    @Test
    void everyRuleHasAUniqueKebabKeyAndAnExampleItChanges() {
        var keys = new HashSet<String>();
        for (CleaningRule rule : CleaningRecipe.availableRules()) {
            assertTrue(rule.key().matches("[a-z]+(-[a-z]+)*"), rule.key());
            assertTrue(keys.add(rule.key()), "duplicate key " + rule.key());
            assertTrue(!rule.name().isBlank() && !rule.description().isBlank(), rule.key());
            String example = rule.exampleInput();
            String after = new KcCleaner(new CleaningRecipe("one", List.of(rule))).clean(example);
            assertNotEquals(example, after, rule.key() + " leaves its own example unchanged");
        }
    }

    @Test
    void customRecipesAreBuiltFromRuleKeys() {
        CleaningRecipe rebuilt = CleaningRecipe.custom("again", CleaningRecipe.kcelectra().ruleKeys());
        assertEquals(CleaningRecipe.kcelectra().ruleKeys(), rebuilt.ruleKeys());
        assertEquals("ㅋㅋ 100원", new KcCleaner(rebuilt).clean("ㅋㅋㅋㅋ 10000원 😀"));
        CleaningRecipe maskOnly = CleaningRecipe.custom("mask", List.of("naver-mask-removal", "whitespace-collapse"));
        assertEquals("이런 같은", new KcCleaner(maskOnly).clean("이런 OOO 같은"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CleaningRecipe.custom("x", List.of("lowercase")));
        assertTrue(unknown.getMessage().contains("naver-mask-removal"), unknown.getMessage());
        assertEquals(java.util.Map.of("n", "2"), rebuilt.rules().get(4).parameters());
    }

    @Test
    void withoutDropsOneRule() {
        CleaningRecipe noRepeat = CleaningRecipe.kcelectra().without("kcelectra-keep-repeats", "repeat-normalize");
        assertEquals("ㅋㅋㅋㅋ 100000원", new KcCleaner(noRepeat).clean("ㅋㅋㅋㅋ   100000원"));
        assertEquals("kcelectra-keep-repeats", noRepeat.id());
    }

    @Test
    void repeatNormalizeKeepsSoynlpsThresholdOfThree() {
        CleaningRecipe five = new CleaningRecipe("five", List.of(new RepeatNormalizeRule(5)));
        assertEquals("ㅋㅋㅋㅋㅋ ㅋㅋ", new KcCleaner(five).clean("ㅋㅋㅋ ㅋㅋ"));
        assertThrows(IllegalArgumentException.class, () -> new RepeatNormalizeRule(0));
    }

    @Test
    void corpusFiltersDropShortAndRepeatedTexts() {
        MinLengthFilter min = MinLengthFilter.kcelectra();
        assertTrue(min.keep("열글자짜리댓글입니다"));
        assertTrue(!min.keep("아홉글자짜리댓글임"));
        assertTrue(!min.keep("𠜎𠜎𠜎𠜎𠜎"), "five code points are ten UTF-16 chars but five characters");
        assertTrue(new MinLengthFilter(0).keep(""));
        DuplicateFilter duplicates = new DuplicateFilter();
        assertEquals(List.of("a", "b"), List.of("a", "b", "a", "b", "a").stream().filter(duplicates::keep).toList());
    }
}
