package kcwb.training.train;

import java.util.List;

/**
 * One training or evaluation row: its id (for provenance and predictions), the text as the model sees it
 * (already cleaned, if cleaning is on), and its label indices (exactly one for single-label problems, any
 * number for multi-label).
 */
public record LabeledExample(String id, String text, List<Integer> labels) {
    public LabeledExample {
        if (id == null || text == null || labels == null) {
            throw new IllegalArgumentException("id, text and labels are required (row " + id + ")");
        }
        labels = List.copyOf(labels);
    }

    public static LabeledExample of(String id, String text, int... labels) {
        return new LabeledExample(id, text, java.util.Arrays.stream(labels).boxed().toList());
    }
}
