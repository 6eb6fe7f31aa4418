package kcwb.storage.io;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kcwb.storage.annotation.LabelsJson;
import kcwb.storage.workspace.Workspace;

/**
 * The import's write path, tuned for a million rows: item ids are assigned here (the import holds
 * the write lock for its whole transaction, so max(id)+1 is safe), which lets items, their first
 * annotation go out in JDBC batches without asking for generated keys. The
 * duplicate check covers rows still waiting in the batch as well as rows already in the project.
 */
final class ImportWriter {
    private static final int BATCH = 2_000;
    private final Workspace workspace;
    private final long projectId;
    private final long batchId;
    private final String sourceFile;
    private final String annotator;
    private final String now = Instant.now().toString();
    private final Map<Long, String> pendingByHash = new HashMap<>();
    private final Map<List<String>, String> labelsJson = new HashMap<>();
    private final PreparedStatement insertItem;
    private final PreparedStatement insertAnnotation;
    private final PreparedStatement findByHash;
    private LongHashSet knownHashes;
    private long nextId;
    private final long firstId;
    private int pending;

    ImportWriter(Workspace workspace, long projectId, long batchId, String sourceFile, String annotator) throws SQLException {
        this.workspace = workspace;
        this.projectId = projectId;
        this.batchId = batchId;
        this.sourceFile = sourceFile;
        this.annotator = annotator;
        insertItem = workspace.prepared("INSERT INTO items(id, project_id, text, content_hash, source_file, source_line,"
                + " batch_id, metadata_json, annotation_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        // An imported label is the item's first annotation; the import batch is its history (see V1__initial.sql).
        insertAnnotation = workspace.prepared("INSERT INTO annotations(item_id, annotator, labels_json, updated_at)"
                + " VALUES (?, ?, ?, ?)");
        findByHash = workspace.prepared("SELECT text FROM items WHERE project_id = ? AND content_hash = ?");
        try (ResultSet rows = workspace.prepared("SELECT coalesce(max(id), 0) + 1 FROM items").executeQuery()) {
            rows.next();
            nextId = rows.getLong(1);
        }
        firstId = nextId;
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
        knownHashes = new LongHashSet();
        PreparedStatement select = workspace.prepared("SELECT content_hash FROM items WHERE project_id = ?");
        select.setLong(1, projectId);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                knownHashes.add(rows.getLong(1));
            }
        }
    }

    /** True when the project (or this import so far) already has exactly this text. Needs {@link #enableDedupe}. */
    boolean isDuplicate(String text, long hash) throws SQLException {
        if (!knownHashes.contains(hash)) {
            return false;
        }
        String pendingText = pendingByHash.get(hash);
        if (pendingText != null) {
            if (pendingText.equals(text)) {
                return true;
            }
            flush(); // a 64-bit hash collision: let the database compare
        }
        findByHash.setLong(1, projectId);
        findByHash.setLong(2, hash);
        try (ResultSet rows = findByHash.executeQuery()) {
            while (rows.next()) {
                if (text.equals(rows.getString(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    void add(String text, long hash, long line, String metadataJson, List<String> labels)
            throws SQLException {
        long id = nextId++;
        insertItem.setLong(1, id);
        insertItem.setLong(2, projectId);
        insertItem.setString(3, text);
        insertItem.setLong(4, hash);
        insertItem.setString(5, sourceFile);
        insertItem.setLong(6, line);
        insertItem.setLong(7, batchId);
        if (metadataJson == null) {
            insertItem.setNull(8, Types.VARCHAR);
        } else {
            insertItem.setString(8, metadataJson);
        }
        insertItem.setInt(9, labels.isEmpty() ? 0 : 1);
        insertItem.addBatch();
        if (!labels.isEmpty()) {
            String json = labelsJson.computeIfAbsent(labels, LabelsJson::write);
            insertAnnotation.setLong(1, id);
            insertAnnotation.setString(2, annotator);
            insertAnnotation.setString(3, json);
            insertAnnotation.setString(4, now);
            insertAnnotation.addBatch();
        }
        if (knownHashes != null) {
            knownHashes.add(hash);
            pendingByHash.put(hash, text);
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
        pending = 0;
    }
}
