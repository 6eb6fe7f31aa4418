package kcwb.storage.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes an import's items rows, {@value #GROUP} rows per INSERT statement: each statement execution is a
 * handful of native calls (reset, step, change count) and one run of SQLite's statement prologue, so
 * grouping rows saves about a third of the insert's CPU time against one row per statement. Rows wait here
 * until a group is full; {@link #flush} writes the full groups and then the rest one by one, so rows reach
 * the table in the order they were added.
 */
final class ItemRowInserter implements AutoCloseable {
    static final int GROUP = 50;
    private static final int PARAMETERS = 6;

    /** One items row: {@code utf8} is the text's UTF-8 bytes; {@code labelsJson} the imported labels or null. */
    record Row(long id, byte[] utf8, long contentHash, long line, String metadataJson, String labelsJson) {
        Row withId(long newId) {
            return new Row(newId, utf8, contentHash, line, metadataJson, labelsJson);
        }
    }

    private final PreparedStatement group;
    private final PreparedStatement single;
    private final Row[] waiting = new Row[GROUP];
    private int waitingCount;
    private boolean groupsBatched;

    /** Project and batch are SQL literals: the same for every row of one import. */
    ItemRowInserter(Connection connection, long projectId, long batchId) throws SQLException {
        String insert = "INSERT INTO items(id, project_id, text, content_hash, source_line, batch_id, metadata_json,"
                + " annotation_count, imported_labels) VALUES ";
        group = connection.prepareStatement(insert + IntStream.range(0, GROUP)
                .mapToObj(row -> values(row, projectId, batchId)).collect(Collectors.joining(", ")));
        try {
            single = connection.prepareStatement(insert + values(0, projectId, batchId));
        } catch (SQLException e) {
            group.close();
            throw e;
        }
    }

    /**
     * One row's VALUES with numbered parameters. The text is bound as the UTF-8 bytes the reader thread already
     * made for the content hash and cast to TEXT (a BLOB-to-TEXT cast keeps the bytes): binding the String would
     * encode it again on this thread. annotation_count is derived from the imported labels in SQL (an imported
     * label counts as the item's first annotation): one native bind call fewer per row.
     */
    private static String values(int row, long projectId, long batchId) {
        int p = row * PARAMETERS;
        return "(?" + (p + 1) + ", " + projectId + ", CAST(?" + (p + 2) + " AS TEXT), ?" + (p + 3) + ", ?" + (p + 4) + ", "
                + batchId + ", ?" + (p + 5) + ", ?" + (p + 6) + " IS NOT NULL, ?" + (p + 6) + ")";
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
        setNullableString(statement, column + 5, row.metadataJson());
        setNullableString(statement, column + 6, row.labelsJson());
    }

    private static void setNullableString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    @Override
    public void close() throws SQLException {
        try (group; single) {
            // closed by try-with-resources
        }
    }
}
