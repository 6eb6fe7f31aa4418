package kcwb.storage.annotation;

import java.time.Instant;
import java.util.List;

/**
 * One row of the append-only history: who changed which item from what to what, and whether it
 * was an edit, an undo (of {@code targetId}) or a redo (of the undo {@code targetId}).
 * {@code before}/{@code after} are null when the item had / has no annotation by that annotator.
 */
public record AnnotationChange(long id, long itemId, String annotator, Kind kind, Long targetId,
        List<String> before, List<String> after, String beforeNote, String afterNote, Instant at) {

    public enum Kind { EDIT, UNDO, REDO }
}
