package kcwb.storage.item;

import java.util.List;
import kcwb.storage.annotation.Annotation;
import kcwb.storage.run.Prediction;

/** One row of the item table: the item, every annotator's current labels, the latest prediction (or null). */
public record ItemRow(Item item, List<Annotation> annotations, Prediction prediction) {
    public ItemRow {
        annotations = List.copyOf(annotations);
    }
}
