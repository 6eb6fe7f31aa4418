package kcwb.training.text;

import java.util.List;

/**
 * What one rule of a traced run removed or replaced, as ranges of the ORIGINAL text (UTF-16 indices,
 * sorted, not overlapping). A later rule may change text that an earlier one produced, so the ranges
 * of different rules can overlap.
 */
public record RuleChanges(String ruleKey, List<Span> changed) {
    public RuleChanges {
        changed = List.copyOf(changed);
    }
}
