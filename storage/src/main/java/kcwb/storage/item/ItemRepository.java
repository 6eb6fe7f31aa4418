package kcwb.storage.item;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kcwb.storage.workspace.Workspace;

/** Items of a project: insert, fetch, page through, find duplicates, next unlabeled. */
public final class ItemRepository {
    /** Imported items name their file on their batch (V2__batch_source_name.sql); the subquery's id is the batch's. */
    static final String COLUMNS = "id, project_id, text, content_hash,"
            + " coalesce(source_file, (SELECT source_name FROM import_batches WHERE id = batch_id)), source_line, batch_id,"
            + " split, metadata_json, annotation_count";
    private final Workspace workspace;

    public ItemRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Inserts one item and returns its id. Call inside {@link Workspace#inTransaction} for bulk work. */
    public long insert(long projectId, NewItem item) {
        return insert(projectId, item, ContentHash.of(item.text()), 0);
    }

    /**
     * Inserts with a precomputed {@link ContentHash} and annotation count: the import path, which
     * writes the item's first annotation itself right after (see AnnotationRepository#recordImported).
     */
    public long insert(long projectId, NewItem item, long contentHash, int annotationCount) {
        return workspace.call(() -> {
            PreparedStatement insert = workspace.prepared("INSERT INTO items(project_id, text, content_hash, source_file,"
                    + " source_line, batch_id, split, metadata_json, annotation_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insert.setLong(1, projectId);
            insert.setString(2, item.text());
            insert.setLong(3, contentHash);
            insert.setString(4, item.sourceFile());
            setNullableLong(insert, 5, item.sourceLine());
            setNullableLong(insert, 6, item.batchId());
            insert.setString(7, item.split() == null ? null : item.split().key());
            insert.setString(8, item.metadataJson());
            insert.setInt(9, annotationCount);
            insert.executeUpdate();
            return workspace.lastInsertId();
        });
    }

    public Optional<Item> get(long id) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared("SELECT " + COLUMNS + " FROM items WHERE id = ?");
            select.setLong(1, id);
            return first(select);
        });
    }

    /** Up to {@code limit} items with id greater than {@code afterId}, in id order (keyset paging). */
    public List<Item> page(long projectId, long afterId, int limit) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared("SELECT " + COLUMNS
                    + " FROM items WHERE project_id = ? AND id > ? ORDER BY id LIMIT ?");
            select.setLong(1, projectId);
            select.setLong(2, afterId);
            select.setInt(3, limit);
            List<Item> items = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(map(rows));
                }
            }
            return items;
        });
    }

    /** The first item after {@code afterId} that no annotator has labelled (one probe of a partial index). */
    public Optional<Item> nextUnlabeled(long projectId, long afterId) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared("SELECT " + COLUMNS + " FROM items INDEXED BY items_unlabeled"
                    + " WHERE project_id = ? AND annotation_count = 0 AND id > ? ORDER BY id LIMIT 1");
            select.setLong(1, projectId);
            select.setLong(2, afterId);
            return first(select);
        });
    }

    /** The first item after {@code afterId} that {@code annotator} has not labelled yet (nor imported labels as). */
    public Optional<Item> nextUnlabeledBy(long projectId, String annotator, long afterId) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared("SELECT " + COLUMNS + " FROM items i WHERE project_id = ?1 AND id > ?2"
                    + " AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = i.id AND a.annotator = ?3)"
                    + " AND NOT (i.imported_labels IS NOT NULL AND (SELECT annotator FROM import_batches WHERE id = i.batch_id) IS ?3)"
                    + " ORDER BY id LIMIT 1");
            select.setLong(1, projectId);
            select.setLong(2, afterId);
            select.setString(3, annotator);
            return first(select);
        });
    }

    /**
     * The id of an item of the project with exactly this text, if any. A scan of the project's items since
     * schema version 3 (no content-hash index, see V3__compact_imports.sql): for one-off checks; imports
     * dedupe through an in-memory hash map.
     */
    public Optional<Long> findDuplicate(long projectId, String text) {
        return findDuplicate(projectId, text, ContentHash.of(text));
    }

    /** As {@link #findDuplicate(long, String)} with the text's precomputed {@link ContentHash}. */
    public Optional<Long> findDuplicate(long projectId, String text, long contentHash) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared(
                    "SELECT id, text FROM items WHERE project_id = ? AND content_hash = ?");
            select.setLong(1, projectId);
            select.setLong(2, contentHash);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (text.equals(rows.getString(2))) {
                        return Optional.of(rows.getLong(1));
                    }
                }
            }
            return Optional.empty();
        });
    }

    public long count(long projectId) {
        return countWhere("SELECT count(*) FROM items WHERE project_id = ?", projectId);
    }

    public long countUnlabeled(long projectId) {
        return countWhere("SELECT count(*) FROM items INDEXED BY items_unlabeled WHERE project_id = ? AND annotation_count = 0", projectId);
    }

    public long countInSplit(long projectId, Split split) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared("SELECT count(*) FROM items WHERE project_id = ? AND split IS ?");
            select.setLong(1, projectId);
            select.setString(2, split == null ? null : split.key());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    public void setSplit(long itemId, Split split) {
        workspace.call(() -> {
            PreparedStatement update = workspace.prepared("UPDATE items SET split = ? WHERE id = ?");
            update.setString(1, split == null ? null : split.key());
            update.setLong(2, itemId);
            return update.executeUpdate();
        });
    }

    private long countWhere(String sql, long projectId) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared(sql);
            select.setLong(1, projectId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    private static Optional<Item> first(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(map(rows)) : Optional.empty();
        }
    }

    static Item map(ResultSet rows) throws SQLException {
        long sourceLine = rows.getLong(6);
        Long line = rows.wasNull() ? null : sourceLine;
        long batch = rows.getLong(7);
        Long batchId = rows.wasNull() ? null : batch;
        return new Item(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getLong(4), rows.getString(5),
                line, batchId, Split.fromKey(rows.getString(8)), rows.getString(9), rows.getInt(10));
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }
}
