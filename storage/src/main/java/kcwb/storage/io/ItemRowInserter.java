package kcwb.storage.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes an import's items rows, {@value #GROUP} rows per INSERT statement: each statement execution is a
 * handful of native calls (reset, step, change count) and one run of SQLite's statement prologue, so
 * grouping rows saves about a third of the insert's CPU time against one row per statement. Rows wait here
 * until a group is full; {@link #flush} writes the full groups and then the rest one by one, so rows reach
 * the table in the order they were added.
 */
final class ItemRowInserter implements AutoCloseable {
    static final int GROUP = 50;
    private static final int PARAMETERS = 7;

    /** One items row: {@code utf8} is the text's UTF-8 bytes; {@code labelsJson} the imported labels or null. */
    record Row(long id, byte[] utf8, long contentHash, long line, String metadataJson, String labelsJson) {}

    private final PreparedStatement group;
    private final PreparedStatement single;
    private final Row[] waiting = new Row[GROUP];
    private int waitingCount;
    private boolean groupsBatched;

    /** Project and batch are SQL literals: the same for every row of one import. */
    ItemRowInserter(Connection connection, long projectId, long batchId) throws SQLException {
        // The text is bound as the UTF-8 bytes the reader thread already made for the content hash and cast to
        // TEXT (a BLOB-to-TEXT cast keeps the bytes): binding the String would encode it again on this thread.
        String values = "(?, " + projectId + ", CAST(? AS TEXT), ?, ?, " + batchId + ", ?, ?, ?)";
        String insert = "INSERT INTO items(id, project_id, text, content_hash, source_line, batch_id, metadata_json,"
                + " annotation_count, imported_labels) VALUES ";
        group = connection.prepareStatement(insert + (values + ", ").repeat(GROUP - 1) + values);
        try {
            single = connection.prepareStatement(insert + values);
        } catch (SQLException e) {
            group.close();
            throw e;
        }
    }

    void add(Row row) throws SQLException {
        waiting[waitingCount++] = row;
        if (waitingCount == GROUP) {
            for (int i = 0; i < GROUP; i++) {
                bind(group, i, waiting[i]);
            }
            group.addBatch();
            groupsBatched = true;
            waitingCount = 0;
        }
    }

    /** Inserts every row added so far. */
    void flush() throws SQLException {
        if (groupsBatched) {
            group.executeBatch();
            groupsBatched = false;
        }
        if (waitingCount > 0) {
            for (int i = 0; i < waitingCount; i++) {
                bind(single, 0, waiting[i]);
                single.addBatch();
            }
            single.executeBatch();
            waitingCount = 0;
        }
    }

    private static void bind(PreparedStatement statement, int rowInStatement, Row row) throws SQLException {
        int column = rowInStatement * PARAMETERS;
        statement.setLong(column + 1, row.id());
        statement.setBytes(column + 2, row.utf8());
        statement.setLong(column + 3, row.contentHash());
        statement.setLong(column + 4, row.line());
        if (row.metadataJson() == null) {
            statement.setNull(column + 5, Types.VARCHAR);
        } else {
            statement.setString(column + 5, row.metadataJson());
        }
        if (row.labelsJson() == null) {
            statement.setInt(column + 6, 0);
            statement.setNull(column + 7, Types.VARCHAR);
        } else {
            statement.setInt(column + 6, 1); // the imported label counts as the item's first annotation
            statement.setString(column + 7, row.labelsJson());
        }
    }

    @Override
    public void close() throws SQLException {
        try (group; single) {
            // closed by try-with-resources
        }
    }
}
