package kcwb.training.text;

import java.util.List;
import java.util.Locale;

/**
 * An ordered list of {@link CleaningRule}s with an id. The two named recipes reproduce KcELECTRA's
 * README; the GUI builds custom ones by toggling rules from {@link #availableRules()}.
 */
public record CleaningRecipe(String id, List<CleaningRule> rules) {
    public static final String KCELECTRA = "kcelectra";
    public static final String KCELECTRA_PRETRAIN = "kcelectra-pretrain";

    public CleaningRecipe {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a recipe needs an id");
        }
        rules = List.copyOf(rules);
    }

    /** The README's {@code clean()} (the default). */
    public static CleaningRecipe kcelectra() {
        return new CleaningRecipe(KCELECTRA, List.of(CharacterFilterRule.standard(), new EmojiRemovalRule(),
                new UrlRemovalRule(), new StripRule(), new RepeatNormalizeRule(2), new WhitespaceCollapseRule()));
    }

    /** The pre-2022 README: emoji code points kept by the character filter and no emoji removal. */
    public static CleaningRecipe kcelectraPretrain() {
        return new CleaningRecipe(KCELECTRA_PRETRAIN, List.of(CharacterFilterRule.keepingEmoji(),
                new UrlRemovalRule(), new StripRule(), new RepeatNormalizeRule(2), new WhitespaceCollapseRule()));
    }

    /** The ids {@link #byId} knows, default first. */
    public static List<String> ids() {
        return List.of(KCELECTRA, KCELECTRA_PRETRAIN);
    }

    /** A named recipe; the message of the exception lists the known ids. */
    public static CleaningRecipe byId(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case KCELECTRA -> kcelectra();
            case KCELECTRA_PRETRAIN -> kcelectraPretrain();
            default -> throw new IllegalArgumentException("unknown cleaning recipe '" + id + "'; known: " + ids());
        };
    }

    /** Every rule the GUI may toggle, in the order a custom recipe applies them. */
    public static List<CleaningRule> availableRules() {
        return List.of(new NaverMaskRule(), CharacterFilterRule.standard(), CharacterFilterRule.keepingEmoji(),
                new EmojiRemovalRule(), new UrlRemovalRule(), new StripRule(), new RepeatNormalizeRule(2),
                new WhitespaceCollapseRule());
    }

    /**
     * A custom recipe from rule keys of {@link #availableRules()} in the given order (what the GUI's
     * toggles produce); repeat-normalize gets n = 2. Unknown keys are refused with the known ones listed.
     */
    public static CleaningRecipe custom(String id, List<String> ruleKeys) {
        List<CleaningRule> available = availableRules();
        return new CleaningRecipe(id, ruleKeys.stream().map(key -> available.stream()
                .filter(rule -> rule.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown cleaning rule '" + key + "'; known: "
                        + available.stream().map(CleaningRule::key).toList()))).toList());
    }

    /** The rule keys in order, e.g. for provenance. */
    public List<String> ruleKeys() {
        return rules.stream().map(CleaningRule::key).toList();
    }

    /** This recipe without the rule {@code key}, under a new id (e.g. {@code kcelectra-custom}). */
    public CleaningRecipe without(String newId, String key) {
        return new CleaningRecipe(newId, rules.stream().filter(rule -> !rule.key().equals(key)).toList());
    }
}
