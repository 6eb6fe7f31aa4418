package kcwb.training.finetune;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Turns a label cell (TSV/CSV, or a JSON string) or a JSON array into label names. Single-label: exactly one
 * label, and a separator or an array is refused with a hint, since it means multi-label data. Multi-label: the
 * cell is split on {@link FileDatasetOptions#LABEL_SEPARATOR} (blank parts dropped), duplicates kept once.
 */
final class LabelValues {
    /** The cause of a bad label value, for the row's problem. */
    static final class BadLabel extends Exception {
        BadLabel(String cause) {
            super(cause, null, false, false);
        }
    }

    private static final String MULTI_HINT = "multi-label data? train with --multi-label";

    private final FileDatasetOptions options;

    LabelValues(FileDatasetOptions options) {
        this.options = options;
    }

    /** A TSV/CSV cell or JSON string; {@code column} names it in messages. */
    List<String> fromCell(String cell, String column) throws BadLabel {
        String separator = String.valueOf(FileDatasetOptions.LABEL_SEPARATOR);
        if (!options.multiLabel()) {
            if (cell == null || cell.isBlank()) {
                throw new BadLabel("empty label (column '" + column + "')");
            }
            if (cell.contains(separator)) {
                throw new BadLabel("label '" + cell.strip() + "' contains '" + separator + "', the multi-label separator: "
                        + MULTI_HINT);
            }
            return List.of(cell.strip());
        }
        List<String> labels = new ArrayList<>();
        if (cell != null) {
            for (String part : cell.split(java.util.regex.Pattern.quote(separator), -1)) {
                if (!part.isBlank()) {
                    labels.add(part.strip());
                }
            }
        }
        return checked(labels, column);
    }

    /** A JSONL field's value: a string (a cell), a number, or (multi-label) an array of strings. */
    List<String> fromJson(JsonNode value, String field) throws BadLabel {
        if (value == null || value.isNull()) {
            return fromCell(null, field);
        }
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return fromCell(value.asText(), field);
        }
        if (!value.isArray()) {
            throw new BadLabel("field '" + field + "' is a JSON " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", expected " + (options.multiLabel() ? "an array of label strings" : "a label string"));
        }
        if (!options.multiLabel()) {
            throw new BadLabel("field '" + field + "' is a JSON array: " + MULTI_HINT);
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!(element.isTextual() || element.isNumber()) || element.asText().isBlank()) {
                throw new BadLabel("element " + (i + 1) + " of '" + field + "' is " + describe(element)
                        + ", expected a label string");
            }
            labels.add(element.asText().strip());
        }
        return checked(labels, field);
    }

    private List<String> checked(List<String> labels, String column) throws BadLabel {
        if (labels.isEmpty() && !options.allowEmptyLabels()) {
            throw new BadLabel("no label: '" + column + "' is empty; every row needs one, or pass --allow-empty-labels "
                    + "when none of the labels applies");
        }
        return List.copyOf(new LinkedHashSet<>(labels));
    }

    private static String describe(JsonNode element) {
        return element.isTextual() ? "an empty string" : "a JSON " + element.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
