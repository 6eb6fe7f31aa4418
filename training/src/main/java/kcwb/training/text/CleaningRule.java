package kcwb.training.text;

import java.util.Map;

/**
 * One step of a {@link CleaningRecipe}. A rule reads every code point of {@code input} and appends
 * what it keeps or produces to {@code output}, naming for each appended code point the input range it
 * came from; that is how a traced run knows what each rule removed. Implementations are stateless and
 * thread-safe.
 */
public interface CleaningRule {
    /** Stable kebab-case key, stored in provenance; changed behaviour gets a new key. */
    String key();

    /** Short human name for the preview screen. */
    String name();

    /** One sentence saying what the rule does. */
    String description();

    /** An input that shows the rule at work. */
    String exampleInput();

    /** The rule's parameters for provenance (e.g. {@code n} of repeat-normalize); empty for most rules. */
    default Map<String, String> parameters() {
        return Map.of();
    }

    /** Writes the rule's result on {@code input} into {@code output} (which starts empty). */
    void apply(CodePointBuffer input, CodePointBuffer output);
}
