package kcwb.training.finetune;

import java.util.List;

/**
 * How to read a labelled file (see {@link LabelledFileReader}).
 *
 * @param textColumn the text column (TSV/CSV header name) or JSONL field
 * @param labelColumn the label column or field; null = {@code label}, or {@code labels} when there is no {@code label}
 * @param multiLabel each row holds a list of labels: a cell split on {@value #LABEL_SEPARATOR}, or a JSON array;
 *                   without it a row holds exactly one label, and a cell with the separator or an array is refused
 * @param allowEmptyLabels multi-label only: a row may hold no label at all ("none of the labels applies")
 */
public record FileDatasetOptions(String textColumn, String labelColumn, boolean multiLabel, boolean allowEmptyLabels) {
    /** Separates the labels of a multi-label cell; {@code kcwb export --format csv} joins labels with it too. */
    public static final char LABEL_SEPARATOR = ';';

    public FileDatasetOptions {
        if (textColumn == null || textColumn.isBlank()) {
            textColumn = "text";
        }
        if (allowEmptyLabels && !multiLabel) {
            throw new IllegalArgumentException("empty label lists are allowed only for multi-label data");
        }
    }

    /** One label per row, columns {@code text} and {@code label}. */
    public static FileDatasetOptions singleLabel(String textColumn, String labelColumn) {
        return new FileDatasetOptions(textColumn, labelColumn, false, false);
    }

    /** The label column names to look for, in order. */
    List<String> labelColumns() {
        return labelColumn == null ? List.of("label", "labels") : List.of(labelColumn);
    }

    /** How the label column is named in messages. */
    String labelColumnName() {
        return labelColumn == null ? "label" : labelColumn;
    }
}
