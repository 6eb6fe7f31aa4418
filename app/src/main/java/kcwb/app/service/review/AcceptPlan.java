package kcwb.app.service.review;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What "accept predictions with confidence ≥ minConfidence" would write: one annotation per unlabelled item,
 * with a note naming the model. {@link #perLabel()} counts the items per predicted label (for the confirmation).
 */
public record AcceptPlan(double minConfidence, List<Entry> entries) {
    /** One item to label {@code labels}, with the history note {@code note}. */
    public record Entry(long itemId, List<String> labels, String note) {
        public Entry {
            labels = List.copyOf(labels);
        }
    }

    public AcceptPlan {
        entries = List.copyOf(entries);
    }

    public int count() {
        return entries.size();
    }

    public Map<String, Integer> perLabel() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Entry entry : entries) {
            counts.merge(String.join(",", entry.labels()), 1, Integer::sum);
        }
        return counts;
    }
}
