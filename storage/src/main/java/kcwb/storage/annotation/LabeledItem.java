package kcwb.storage.annotation;

import java.util.List;
import java.util.Map;
import kcwb.storage.item.Split;

/**
 * An item with its final labels (empty when nobody labelled it) and each annotator's labels.
 * {@code split} may be null.
 */
public record LabeledItem(long itemId, String text, Split split, List<String> labels,
        Map<String, List<String>> byAnnotator) {

    /** The single final label, or null. */
    public String label() {
        return labels.isEmpty() ? null : labels.getFirst();
    }
}
