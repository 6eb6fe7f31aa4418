package kcwb.storage.io;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kcwb.storage.annotation.LabelsJson;
import kcwb.storage.workspace.Workspace;

/**
 * The import's write path, tuned for a million rows. Item ids are assigned here (the import holds
 * the write lock for its whole transaction, so max(id)+1 is safe), so items go out in JDBC batches
 * of multi-row INSERTs ({@link ItemRowInserter}) without asking for generated keys. An imported label is stored on its item
 * ({@code items.imported_labels}, V3__compact_imports.sql), not as an annotations row.
 *
 * <p>Dedupe keeps every content hash of the project in memory with the first item id that has it
 * (loaded with one scan); the database is asked only on a hash hit, by rowid.
 */
final class ImportWriter implements AutoCloseable {
    private static final int BATCH = 2_000;
    private final Workspace workspace;
    private final long projectId;
    /** Texts of the items not yet written, by id - firstPendingId (a hash hit on a pending id compares with these). */
    private final String[] pendingTexts = new String[BATCH];
    private final Map<List<String>, String> labelsJson = new HashMap<>();
    private final ItemRowInserter inserter;
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
        inserter = new ItemRowInserter(workspace.connection(), projectId, batchId);
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
        if (text.equals(id >= firstPendingId ? pendingTexts[(int) (id - firstPendingId)] : textOf(id))) {
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

    /** Adds an item; {@code utf8} is {@code text} encoded as UTF-8. */
    void add(String text, byte[] utf8, long hash, long line, String metadataJson, List<String> labels) throws SQLException {
        long id = nextId++;
        String imported = labels.isEmpty() ? null : labelsJson.computeIfAbsent(labels, LabelsJson::write);
        inserter.add(new ItemRowInserter.Row(id, utf8, hash, line, metadataJson, imported));
        if (knownHashes != null) {
            knownHashes.putIfAbsent(hash, id);
        }
        pendingTexts[pending] = text;
        if (++pending >= BATCH) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        inserter.flush();
        java.util.Arrays.fill(pendingTexts, null);
        firstPendingId = nextId;
        pending = 0;
    }

    /** Writes what is pending. */
    void finish() throws SQLException {
        flush();
    }

    /** Closes this import's own statements (their SQL holds this import's literals, so they are not cached). */
    @Override
    public void close() throws SQLException {
        inserter.close();
    }
}
