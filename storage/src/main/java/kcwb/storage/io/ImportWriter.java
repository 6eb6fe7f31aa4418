package kcwb.storage.io;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kcwb.storage.workspace.Workspace;

/**
 * The import's write path, tuned for a million rows; runs on the importing thread, which owns the connection.
 * Items arrive with their ids assigned ({@link ImportScreen}: the import holds the write lock for its whole
 * transaction, so max(id)+1 onwards is safe) and go out in JDBC batches of multi-row INSERTs
 * ({@link ItemRowInserter}) without asking for generated keys. An imported label is stored on its item
 * ({@code items.imported_labels}, V3__compact_imports.sql), not as an annotations row.
 *
 * <p>It also settles possible duplicates (a content hash the project already has) by comparing the texts:
 * with a text still waiting in this writer, or with the stored one, read by rowid.
 */
final class ImportWriter implements AutoCloseable {
    private static final int BATCH = 2_000;
    private final Workspace workspace;
    private final long projectId;
    /** Texts of the items not yet written, by id - firstPendingId (a possible duplicate of a pending id compares with these). */
    private final String[] pendingTexts = new String[BATCH];
    private final ItemRowInserter inserter;
    private final long firstId;
    private long nextId;
    private long firstPendingId;
    private int pending;
    /** Hash collisions that were not duplicates (practically never): inserted after the last row. */
    private final List<ScreenedRow.PossibleDuplicate> collisions = new ArrayList<>();

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

    /** The id of this import's first item: its items take the ids from here, in file order. */
    long firstId() {
        return firstId;
    }

    /**
     * The project's content hashes, each with the first item id that has it (one scan of its items), so a
     * duplicate check asks the database only when a hash is already known (a real duplicate, or a rare
     * 64-bit collision). Sized for {@code expectedNewRows} more, so it need not grow during the import.
     */
    LongLongHashMap knownHashes(long expectedNewRows) throws SQLException {
        LongLongHashMap hashes = new LongLongHashMap(expectedNewRows);
        PreparedStatement select = workspace.prepared("SELECT content_hash, id FROM items WHERE project_id = ?");
        select.setLong(1, projectId);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                hashes.putIfAbsent(rows.getLong(1), rows.getLong(2));
            }
        }
        return hashes;
    }

    /** Adds an item whose id {@link ImportScreen} assigned: the next one of this import. */
    void add(String text, ItemRowInserter.Row row) throws SQLException {
        if (row.id() != nextId) {
            throw new IllegalStateException("item id " + row.id() + " out of order (expected " + nextId + ")");
        }
        nextId++;
        inserter.add(row);
        pendingTexts[pending] = text;
        if (++pending >= BATCH) {
            flush();
        }
    }

    /**
     * True when {@code possible} repeats the text of item {@code possible.firstId()} or of any item of the
     * project; otherwise (a hash collision) it is kept and inserted after the last row.
     */
    boolean isDuplicate(ScreenedRow.PossibleDuplicate possible) throws SQLException {
        long id = possible.firstId();
        String text = possible.text();
        if (text.equals(id >= firstPendingId ? pendingTexts[(int) (id - firstPendingId)] : textOf(id))) {
            return true;
        }
        // A 64-bit hash collision: compare with every item that has this hash (a scan) and with earlier collisions.
        flush();
        if (collisions.stream().anyMatch(earlier -> earlier.text().equals(text))
                || workspace.items().findDuplicate(projectId, text, possible.row().contentHash()).isPresent()) {
            return true;
        }
        collisions.add(possible);
        return false;
    }

    private String textOf(long id) throws SQLException {
        PreparedStatement select = workspace.prepared("SELECT text FROM items WHERE id = ?");
        select.setLong(1, id);
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        inserter.flush();
        Arrays.fill(pendingTexts, null);
        firstPendingId = nextId;
        pending = 0;
    }

    /** Writes what is pending, then the collisions with the ids after the last row's. */
    void finish() throws SQLException {
        flush();
        for (ScreenedRow.PossibleDuplicate collision : collisions) {
            inserter.add(collision.row().withId(nextId++));
        }
        inserter.flush();
    }

    /** Closes this import's own statements (their SQL holds this import's literals, so they are not cached). */
    @Override
    public void close() throws SQLException {
        inserter.close();
    }
}
