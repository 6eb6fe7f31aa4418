package kcwb.storage.io;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kcwb.storage.annotation.LabelsJson;
import kcwb.storage.workspace.Workspace;

/**
 * The import's write path, tuned for a million rows. Item ids are assigned here (the import holds
 * the write lock for its whole transaction, so max(id)+1 is safe), so items go out in JDBC batches
 * without asking for generated keys; values that are the same for the whole import (project, batch)
 * are SQL literals, not per-row binds. An imported label is stored on its item
 * ({@code items.imported_labels}, V3__compact_imports.sql), not as an annotations row.
 *
 * <p>Dedupe keeps every content hash of the project in memory with the first item id that has it
 * (loaded with one scan); the database is asked only on a hash hit, by rowid.
 */
final class ImportWriter implements AutoCloseable {
    private static final int BATCH = 2_000;
    private final Workspace workspace;
    private final long projectId;
    private final Map<Long, String> pendingByHash = new HashMap<>();
    private final Map<List<String>, String> labelsJson = new HashMap<>();
    private final PreparedStatement insertItem;
    private LongLongHashMap knownHashes;
    private long nextId;
    private final long firstId;
    private long firstPendingId;
    private int pending;

    ImportWriter(Workspace workspace, long projectId, long batchId, String sourceName, String annotator) throws SQLException {
        this.workspace = workspace;
        this.projectId = projectId;
        PreparedStatement batch = workspace.prepared("UPDATE import_batches SET source_name = ?, annotator = ? WHERE id = ?");
        batch.setString(1, sourceName);
        batch.setString(2, annotator);
        batch.setLong(3, batchId);
        batch.executeUpdate();
        // source_file stays NULL: the batch names the file once (V2__batch_source_name.sql).
        insertItem = workspace.connection().prepareStatement("INSERT INTO items(id, project_id, text, content_hash, source_line, batch_id,"
                + " metadata_json, annotation_count, imported_labels) VALUES (?, " + projectId + ", ?, ?, ?, " + batchId + ", ?, ?, ?)");
        try (ResultSet rows = workspace.prepared("SELECT coalesce(max(id), 0) + 1 FROM items").executeQuery()) {
            rows.next();
            nextId = rows.getLong(1);
        }
        firstId = nextId;
        firstPendingId = nextId;
    }

    /** The id of this import's first item: its items are the contiguous ids from here. */
    long firstId() {
        return firstId;
    }

    /**
     * Loads the project's content hashes once (one scan of its items), so the duplicate check only
     * asks the database when a hash is already known (a real duplicate, or a rare 64-bit collision).
     */
    void enableDedupe() throws SQLException {
        knownHashes = new LongLongHashMap();
        PreparedStatement select = workspace.prepared("SELECT content_hash, id FROM items WHERE project_id = ?");
        select.setLong(1, projectId);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                knownHashes.putIfAbsent(rows.getLong(1), rows.getLong(2));
            }
        }
    }

    /** True when the project (or this import so far) already has exactly this text. Needs {@link #enableDedupe}. */
    boolean isDuplicate(String text, long hash) throws SQLException {
        long id = knownHashes.get(hash);
        if (id == LongLongHashMap.ABSENT) {
            return false;
        }
        if (text.equals(id >= firstPendingId ? pendingByHash.get(hash) : textOf(id))) {
            return true;
        }
        // A 64-bit hash collision (practically never): compare with every item that has this hash (a scan).
        flush();
        return workspace.items().findDuplicate(projectId, text, hash).isPresent();
    }

    private String textOf(long id) throws SQLException {
        PreparedStatement select = workspace.prepared("SELECT text FROM items WHERE id = ?");
        select.setLong(1, id);
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    void add(String text, long hash, long line, String metadataJson, List<String> labels) throws SQLException {
        long id = nextId++;
        insertItem.setLong(1, id);
        insertItem.setString(2, text);
        insertItem.setLong(3, hash);
        insertItem.setLong(4, line);
        if (metadataJson == null) {
            insertItem.setNull(5, Types.VARCHAR);
        } else {
            insertItem.setString(5, metadataJson);
        }
        if (labels.isEmpty()) {
            insertItem.setInt(6, 0);
            insertItem.setNull(7, Types.VARCHAR);
        } else {
            insertItem.setInt(6, 1); // the imported label counts as the item's first annotation
            insertItem.setString(7, labelsJson.computeIfAbsent(labels, LabelsJson::write));
        }
        insertItem.addBatch();
        if (knownHashes != null) {
            knownHashes.putIfAbsent(hash, id);
            pendingByHash.putIfAbsent(hash, text);
        }
        if (++pending >= BATCH) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        insertItem.executeBatch();
        pendingByHash.clear();
        firstPendingId = nextId;
        pending = 0;
    }

    /** Writes what is pending. */
    void finish() throws SQLException {
        flush();
    }

    /** Closes this import's own statement (its SQL holds this import's literals, so it is not cached). */
    @Override
    public void close() throws SQLException {
        insertItem.close();
    }
}
