package kcwb.storage.annotation;

import java.time.Instant;
import java.util.List;

/** An annotator's current labels for an item (the latest state; the history keeps every change). */
public record Annotation(long itemId, String annotator, List<String> labels, String note, Instant updatedAt) {
    public Annotation {
        labels = List.copyOf(labels);
    }
}
