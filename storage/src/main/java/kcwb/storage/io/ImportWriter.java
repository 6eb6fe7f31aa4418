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
 * annotation and its history row go out in JDBC batches without asking for generated keys. The
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
    private final PreparedStatement insertHistory;
    private final PreparedStatement findByHash;
    private long nextId;
    private int pending;

    ImportWriter(Workspace workspace, long projectId, long batchId, String sourceFile, String annotator) throws SQLException {
        this.workspace = workspace;
        this.projectId = projectId;
        this.batchId = batchId;
        this.sourceFile = sourceFile;
        this.annotator = annotator;
        insertItem = workspace.prepared("INSERT INTO items(id, project_id, text, content_hash, source_file, source_line,"
                + " batch_id, metadata_json, annotation_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        // Same rows AnnotationRepository writes for a first annotation (annotations + one 'edit' history row).
        insertAnnotation = workspace.prepared("INSERT INTO annotations(item_id, annotator, labels_json, updated_at)"
                + " VALUES (?, ?, ?, ?)");
        insertHistory = workspace.prepared("INSERT INTO annotation_history(project_id, item_id, annotator, kind, after_json, at)"
                + " VALUES (?, ?, ?, 'edit', ?, ?)");
        findByHash = workspace.prepared("SELECT text FROM items WHERE project_id = ? AND content_hash = ?");
        try (ResultSet rows = workspace.prepared("SELECT coalesce(max(id), 0) + 1 FROM items").executeQuery()) {
            rows.next();
            nextId = rows.getLong(1);
        }
    }

    /** True when the project (or this import so far) already has exactly this text. */
    boolean isDuplicate(String text, long hash) throws SQLException {
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

    void add(String text, long hash, long line, String metadataJson, List<String> labels, boolean trackForDedupe)
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
            insertHistory.setLong(1, projectId);
            insertHistory.setLong(2, id);
            insertHistory.setString(3, annotator);
            insertHistory.setString(4, json);
            insertHistory.setString(5, now);
            insertHistory.addBatch();
        }
        if (trackForDedupe) {
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
        insertHistory.executeBatch();
        pendingByHash.clear();
        pending = 0;
    }
}
