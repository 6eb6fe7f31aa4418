package kcwb.storage.annotation;

/**
 * How several annotators' labels become one final answer.
 * MAJORITY: single-label takes the most voted label (ties go to the label listed first in the
 * project); multi-label keeps every label chosen by at least half of the annotators.
 * ADJUDICATED: the adjudicator's labels when they labelled the item, otherwise the majority.
 */
public record FinalLabelPolicy(Mode mode, String adjudicator) {
    public enum Mode { MAJORITY, ADJUDICATED }

    public static FinalLabelPolicy majority() {
        return new FinalLabelPolicy(Mode.MAJORITY, null);
    }

    public static FinalLabelPolicy adjudicatedBy(String adjudicator) {
        return new FinalLabelPolicy(Mode.ADJUDICATED, adjudicator);
    }
}
