package kcwb.storage.annotation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kcwb.storage.StorageException;
import kcwb.storage.annotation.AnnotationChange.Kind;
import kcwb.storage.workspace.Workspace;

/**
 * Saves labels and keeps the append-only history that makes undo/redo and "who changed what" work.
 * Undo takes the annotator's latest edit or redo that no undo reverted yet; redo takes the latest
 * undo that was not redone, unless the annotator made a new edit after it (as in any editor).
 */
public final class AnnotationRepository {
    private final Workspace workspace;

    public AnnotationRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Sets the annotator's labels for an item (empty list clears them). Returns when committed. */
    public void save(long itemId, String annotator, List<String> labels, String note) {
        requireAnnotator(annotator);
        String afterJson = labels.isEmpty() ? null : LabelsJson.write(labels);
        workspace.inTransaction(() -> {
            Current current = current(itemId, annotator, afterJson);
            if (current.unknownLabels() > 0) {
                List<String> known = workspace.labels().names(current.projectId());
                String unknown = labels.stream().filter(label -> !known.contains(label)).findFirst().orElse("?");
                throw new StorageException("item " + itemId + ": label '" + unknown + "' is not in the project's label set " + known);
            }
            applyAndRecord(current, itemId, annotator, Kind.EDIT, null, labels.isEmpty() ? null : labels, note);
            return null;
        });
    }

    public void clear(long itemId, String annotator) {
        save(itemId, annotator, List.of(), null);
    }

    /** Reverts the annotator's latest change in the project; empty when there is nothing to undo. */
    public Optional<AnnotationChange> undo(long projectId, String annotator) {
        return workspace.inTransaction(() -> {
            PreparedStatement select = workspace.prepared("SELECT " + HISTORY_COLUMNS + " FROM annotation_history h"
                    + " WHERE project_id = ? AND annotator = ? AND kind IN ('edit', 'redo')"
                    + " AND NOT EXISTS (SELECT 1 FROM annotation_history u WHERE u.target_id = h.id AND u.kind = 'undo')"
                    + " ORDER BY id DESC LIMIT 1");
            return restoreBefore(select, projectId, annotator, Kind.UNDO);
        });
    }

    /** Re-applies the annotator's latest undone change; empty when there is nothing to redo. */
    public Optional<AnnotationChange> redo(long projectId, String annotator) {
        return workspace.inTransaction(() -> {
            PreparedStatement select = workspace.prepared("SELECT " + HISTORY_COLUMNS + " FROM annotation_history u"
                    + " WHERE project_id = ? AND annotator = ? AND kind = 'undo'"
                    + " AND NOT EXISTS (SELECT 1 FROM annotation_history r WHERE r.target_id = u.id AND r.kind = 'redo')"
                    + " AND NOT EXISTS (SELECT 1 FROM annotation_history e WHERE e.project_id = u.project_id"
                    + "   AND e.annotator = u.annotator AND e.kind = 'edit' AND e.id > u.id)"
                    + " ORDER BY id DESC LIMIT 1");
            return restoreBefore(select, projectId, annotator, Kind.REDO);
        });
    }

    /**
     * Runs {@code select} (the history row to revert: an edit for undo, an undo for redo) and puts back that row's
     * "before" labels, recording {@code kind} with the row as target; empty when the query finds nothing.
     */
    private Optional<AnnotationChange> restoreBefore(PreparedStatement select, long projectId, String annotator, Kind kind)
            throws SQLException {
        select.setLong(1, projectId);
        select.setString(2, annotator);
        Optional<AnnotationChange> target = firstChange(select);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        AnnotationChange change = target.get();
        Current current = current(change.itemId(), annotator, null);
        return Optional.of(applyAndRecord(current, change.itemId(), annotator, kind, change.id(), change.before(),
                change.beforeNote()));
    }

    /**
     * Every annotator's current labels for an item: their annotations rows, and labels that came with the
     * item's import (V3__compact_imports.sql), attributed to the import's annotator.
     */
    public List<Annotation> forItem(long itemId) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared("SELECT item_id, annotator, labels_json, note, updated_at"
                    + " FROM annotations WHERE item_id = ?1 UNION ALL SELECT i.id, b.annotator, i.imported_labels, NULL,"
                    + " coalesce(b.finished_at, b.started_at) FROM items i JOIN import_batches b ON b.id = i.batch_id"
                    + " WHERE i.id = ?1 AND i.imported_labels IS NOT NULL AND b.annotator IS NOT NULL ORDER BY 2");
            select.setLong(1, itemId);
            List<Annotation> annotations = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    annotations.add(new Annotation(rows.getLong(1), rows.getString(2), LabelsJson.read(rows.getString(3)),
                            rows.getString(4), Instant.parse(rows.getString(5))));
                }
            }
            return annotations;
        });
    }

    public Optional<Annotation> find(long itemId, String annotator) {
        return forItem(itemId).stream().filter(a -> a.annotator().equals(annotator)).findFirst();
    }

    /** Who changed what on this item, oldest first. */
    public List<AnnotationChange> history(long itemId) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared("SELECT " + HISTORY_COLUMNS
                    + " FROM annotation_history WHERE item_id = ? ORDER BY id");
            select.setLong(1, itemId);
            List<AnnotationChange> changes = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    changes.add(mapChange(rows));
                }
            }
            return changes;
        });
    }

    /**
     * What a change starts from, read in one statement: the item's project, how many of the new labels the
     * project lacks, and the annotator's current labels and note, either an annotations row or the labels the
     * item was imported with (when the import is attributed to this annotator).
     */
    private record Current(long projectId, int unknownLabels, String labelsJson, String note, boolean fromImport) {}

    private Current current(long itemId, String annotator, String newLabelsJson) throws SQLException {
        PreparedStatement select = workspace.prepared("SELECT i.project_id,"
                + " (SELECT count(*) FROM json_each(?1) j WHERE NOT EXISTS"
                + "   (SELECT 1 FROM labels l WHERE l.project_id = i.project_id AND l.name = j.value)),"
                + " a.labels_json, a.note, a.item_id IS NULL AND i.imported_labels IS NOT NULL"
                + "   AND (SELECT annotator FROM import_batches WHERE id = i.batch_id) = ?2, i.imported_labels"
                + " FROM items i LEFT JOIN annotations a ON a.item_id = i.id AND a.annotator = ?2 WHERE i.id = ?3");
        select.setString(1, newLabelsJson);
        select.setString(2, annotator);
        select.setLong(3, itemId);
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new StorageException(workspace.file() + ": no item with id " + itemId);
            }
            boolean fromImport = rows.getBoolean(5);
            return new Current(rows.getLong(1), rows.getInt(2), fromImport ? rows.getString(6) : rows.getString(3),
                    rows.getString(4), fromImport);
        }
    }

    /** Writes the new state for (item, annotator) and appends the history row; null when nothing changed. */
    private AnnotationChange applyAndRecord(Current current, long itemId, String annotator, Kind kind, Long targetId,
            List<String> after, String afterNote) throws SQLException {
        String beforeJson = current.labelsJson();
        String beforeNote = current.note();
        String afterJson = LabelsJson.write(after);
        if (kind == Kind.EDIT && Objects.equals(beforeJson, afterJson) && Objects.equals(beforeNote, afterNote)) {
            return null; // nothing changed: no history row, nothing to undo
        }
        Instant now = Instant.now();
        if (current.fromImport()) {
            // The annotator's first change to an imported label: from now on their labels live in annotations.
            consumeImported(itemId, afterJson == null ? -1 : 0);
            if (afterJson != null) {
                insert(itemId, annotator, afterJson, afterNote, now);
            }
        } else if (afterJson == null) {
            if (beforeJson != null) {
                delete(itemId, annotator);
            }
        } else if (beforeJson == null) {
            insert(itemId, annotator, afterJson, afterNote, now);
            adjustCount(itemId, +1);
        } else {
            update(itemId, annotator, afterJson, afterNote, now);
        }
        long id = appendHistory(current.projectId(), itemId, annotator, kind, targetId, beforeJson, afterJson, beforeNote,
                afterNote, now);
        return new AnnotationChange(id, itemId, annotator, kind, targetId, LabelsJson.read(beforeJson), after,
                beforeNote, afterNote, now);
    }

    private void insert(long itemId, String annotator, String labelsJson, String note, Instant now) throws SQLException {
        PreparedStatement insert = workspace.prepared("INSERT INTO annotations(item_id, annotator, labels_json, note, updated_at)"
                + " VALUES (?, ?, ?, ?, ?)");
        insert.setLong(1, itemId);
        insert.setString(2, annotator);
        insert.setString(3, labelsJson);
        insert.setString(4, note);
        insert.setString(5, now.toString());
        insert.executeUpdate();
    }

    private void update(long itemId, String annotator, String labelsJson, String note, Instant now) throws SQLException {
        PreparedStatement update = workspace.prepared("UPDATE annotations SET labels_json = ?, note = ?, updated_at = ?"
                + " WHERE item_id = ? AND annotator = ?");
        update.setString(1, labelsJson);
        update.setString(2, note);
        update.setString(3, now.toString());
        update.setLong(4, itemId);
        update.setString(5, annotator);
        update.executeUpdate();
    }

    private void consumeImported(long itemId, int countDelta) throws SQLException {
        PreparedStatement update = workspace.prepared("UPDATE items SET imported_labels = NULL,"
                + " annotation_count = annotation_count + ? WHERE id = ?");
        update.setInt(1, countDelta);
        update.setLong(2, itemId);
        update.executeUpdate();
    }

    private void delete(long itemId, String annotator) throws SQLException {
        PreparedStatement delete = workspace.prepared("DELETE FROM annotations WHERE item_id = ? AND annotator = ?");
        delete.setLong(1, itemId);
        delete.setString(2, annotator);
        if (delete.executeUpdate() > 0) {
            adjustCount(itemId, -1);
        }
    }

    private void adjustCount(long itemId, int delta) throws SQLException {
        PreparedStatement update = workspace.prepared("UPDATE items SET annotation_count = annotation_count + ? WHERE id = ?");
        update.setInt(1, delta);
        update.setLong(2, itemId);
        update.executeUpdate();
    }

    /** Appends the history row; RETURNING gives its id in the same round trip. */
    private long appendHistory(long projectId, long itemId, String annotator, Kind kind, Long targetId, String beforeJson,
            String afterJson, String beforeNote, String afterNote, Instant at) throws SQLException {
        PreparedStatement insert = workspace.prepared("INSERT INTO annotation_history(project_id, item_id, annotator, kind,"
                + " target_id, before_json, after_json, before_note, after_note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id");
        insert.setLong(1, projectId);
        insert.setLong(2, itemId);
        insert.setString(3, annotator);
        insert.setString(4, kind.name().toLowerCase(java.util.Locale.ROOT));
        if (targetId == null) {
            insert.setNull(5, Types.INTEGER);
        } else {
            insert.setLong(5, targetId);
        }
        insert.setString(6, beforeJson);
        insert.setString(7, afterJson);
        insert.setString(8, beforeNote);
        insert.setString(9, afterNote);
        insert.setString(10, at.toString());
        try (ResultSet rows = insert.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void requireAnnotator(String annotator) {
        if (annotator == null || annotator.isBlank()) {
            throw new StorageException("an annotation needs a non-blank annotator name");
        }
    }

    private static final String HISTORY_COLUMNS = "id, item_id, annotator, kind, target_id, before_json, after_json,"
            + " before_note, after_note, at";

    private static Optional<AnnotationChange> firstChange(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(mapChange(rows)) : Optional.empty();
        }
    }

    private static AnnotationChange mapChange(ResultSet rows) throws SQLException {
        long target = rows.getLong(5);
        Long targetId = rows.wasNull() ? null : target;
        return new AnnotationChange(rows.getLong(1), rows.getLong(2), rows.getString(3),
                Kind.valueOf(rows.getString(4).toUpperCase(java.util.Locale.ROOT)), targetId,
                LabelsJson.read(rows.getString(6)), LabelsJson.read(rows.getString(7)), rows.getString(8),
                rows.getString(9), Instant.parse(rows.getString(10)));
    }
}
