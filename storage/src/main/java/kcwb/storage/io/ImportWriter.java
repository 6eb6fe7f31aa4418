package kcwb.storage.io;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kcwb.storage.annotation.LabelsJson;
import kcwb.storage.workspace.Workspace;

/**
 * The import's write path, tuned for a million rows. Item ids are assigned here (the import holds
 * the write lock for its whole transaction, so max(id)+1 is safe), so items and their first
 * annotations go out in JDBC batches without asking for generated keys; values that are the same
 * for the whole import (project, batch, time) are SQL literals, not per-row binds.
 *
 * <p>Dedupe keeps every content hash of the project in memory with the first item id that has it;
 * the database is asked only on a hash hit, by rowid. Into a workspace without items, the
 * content-hash index is dropped and built once at the end ({@link #finish}): sorting a million keys
 * once is far cheaper than a million random inserts into a growing index. The drop and the rebuild
 * are part of the import's transaction, so a kill -9 or an abort leaves the index as it was.
 */
final class ImportWriter implements AutoCloseable {
    private static final int BATCH = 2_000;
    private static final String HASH_INDEX = "items_project_hash";
    private final Workspace workspace;
    private final long projectId;
    private final String annotator;
    private final Map<Long, String> pendingByHash = new HashMap<>();
    private final Map<List<String>, String> labelsJson = new HashMap<>();
    private final PreparedStatement insertItem;
    private final PreparedStatement insertAnnotation;
    private final String hashIndexSql;
    private LongLongHashMap knownHashes;
    private long nextId;
    private final long firstId;
    private long firstPendingId;
    private int pending;

    ImportWriter(Workspace workspace, long projectId, long batchId, String sourceName, String annotator) throws SQLException {
        this.workspace = workspace;
        this.projectId = projectId;
        this.annotator = annotator;
        PreparedStatement name = workspace.prepared("UPDATE import_batches SET source_name = ? WHERE id = ?");
        name.setString(1, sourceName);
        name.setLong(2, batchId);
        name.executeUpdate();
        // source_file stays NULL: the batch names the file once (V2__batch_source_name.sql).
        insertItem = workspace.connection().prepareStatement("INSERT INTO items(id, project_id, text, content_hash, source_line, batch_id,"
                + " metadata_json, annotation_count) VALUES (?, " + projectId + ", ?, ?, ?, " + batchId + ", ?, ?)");
        // An imported label is the item's first annotation; the import batch is its history (see V1__initial.sql).
        insertAnnotation = workspace.connection().prepareStatement("INSERT INTO annotations(item_id, annotator, labels_json, updated_at)"
                + " VALUES (?, ?, ?, '" + Instant.now() + "')");
        try (ResultSet rows = workspace.prepared("SELECT coalesce(max(id), 0) + 1 FROM items").executeQuery()) {
            rows.next();
            nextId = rows.getLong(1);
        }
        firstId = nextId;
        firstPendingId = nextId;
        hashIndexSql = nextId == 1 ? dropHashIndex() : null;
    }

    /** The id of this import's first item: its items are the contiguous ids from here. */
    long firstId() {
        return firstId;
    }

    /**
     * Loads the project's content hashes once, so the duplicate check only asks the database when
     * a hash is already known (a real duplicate, or a rare 64-bit collision).
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
        // A 64-bit hash collision (practically never): compare with every item that has this hash.
        flush();
        PreparedStatement select = workspace.prepared("SELECT text FROM items WHERE project_id = ? AND content_hash = ?");
        select.setLong(1, projectId);
        select.setLong(2, hash);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (text.equals(rows.getString(1))) {
                    return true;
                }
            }
        }
        return false;
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
        insertItem.setInt(6, labels.isEmpty() ? 0 : 1);
        insertItem.addBatch();
        if (!labels.isEmpty()) {
            insertAnnotation.setLong(1, id);
            insertAnnotation.setString(2, annotator);
            insertAnnotation.setString(3, labelsJson.computeIfAbsent(labels, LabelsJson::write));
            insertAnnotation.addBatch();
        }
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
        insertAnnotation.executeBatch();
        pendingByHash.clear();
        firstPendingId = nextId;
        pending = 0;
    }

    /** Writes what is pending and rebuilds the content-hash index if this import dropped it. */
    void finish() throws SQLException {
        flush();
        if (hashIndexSql != null) {
            try (Statement statement = workspace.connection().createStatement()) {
                statement.execute(hashIndexSql);
            }
        }
    }

    /** Drops the content-hash index for the bulk insert; returns the SQL that recreates it exactly. */
    private String dropHashIndex() throws SQLException {
        PreparedStatement select = workspace.prepared("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?");
        select.setString(1, HASH_INDEX);
        String sql;
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            sql = rows.getString(1);
        }
        try (Statement statement = workspace.connection().createStatement()) {
            statement.execute("DROP INDEX " + HASH_INDEX);
        }
        return sql;
    }

    /** Closes this import's own statements (their SQL holds this import's literals, so they are not cached). */
    @Override
    public void close() throws SQLException {
        try (insertItem; insertAnnotation) {
            // closed by try-with-resources
        }
    }
}
