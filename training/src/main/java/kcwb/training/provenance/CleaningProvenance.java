package kcwb.training.provenance;

import java.util.List;

/**
 * The cleaning applied before tokenizing, at train, eval and predict alike.
 *
 * @param recipeId {@code kcelectra}, {@code kcelectra-pretrain}, or {@code none}
 * @param rules ordered rule keys with their parameters (e.g. {@code repeat_normalize(num_repeats=2)})
 */
public record CleaningProvenance(String recipeId, List<String> rules) {
    public static final String NONE = "none";

    public CleaningProvenance {
        rules = List.copyOf(rules);
    }

    public static CleaningProvenance none() {
        return new CleaningProvenance(NONE, List.of());
    }
}
