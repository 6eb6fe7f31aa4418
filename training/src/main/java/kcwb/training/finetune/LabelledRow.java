package kcwb.training.finetune;

import java.util.List;

/** One readable row of a labelled file: its 1-based line, its RAW text and its label names (distinct, file order). */
public record LabelledRow(long line, String text, List<String> labels) {
    public LabelledRow {
        labels = List.copyOf(labels);
    }
}
