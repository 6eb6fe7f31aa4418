package kcwb.storage.item;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import kcwb.storage.workspace.Workspace;

/** Import batches and the rows they rejected (file line + reason). */
public final class ImportBatchRepository {
    private static final String COLUMNS = "id, project_id, source_file, sha256, state, started_at, finished_at, rows_read,"
            + " rows_imported, rows_rejected, rows_duplicate, rows_too_short, options_json, message";
    private final Workspace workspace;

    /** A rejected row as stored with its batch. */
    public record StoredError(long batchId, long line, String reason) {}

    /** Counts recorded when a batch finishes. */
    public record Counts(long read, long imported, long rejected, long duplicate, long tooShort) {}

    public ImportBatchRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    public long start(long projectId, String sourceFile, String sha256, String optionsJson) {
        return workspace.call(() -> {
            PreparedStatement insert = workspace.prepared("INSERT INTO import_batches(project_id, source_file, sha256, state,"
                    + " started_at, options_json) VALUES (?, ?, ?, 'running', ?, ?)");
            insert.setLong(1, projectId);
            insert.setString(2, sourceFile);
            insert.setString(3, sha256);
            insert.setString(4, Instant.now().toString());
            insert.setString(5, optionsJson);
            insert.executeUpdate();
            return workspace.lastInsertId();
        });
    }

    /** Records the source file's SHA-256 (hex), known only once an import has read the whole file. */
    public void setSha256(long batchId, String sha256) {
        workspace.call(() -> {
            PreparedStatement update = workspace.prepared("UPDATE import_batches SET sha256 = ? WHERE id = ?");
            update.setString(1, sha256);
            update.setLong(2, batchId);
            return update.executeUpdate();
        });
    }

    public void finish(long batchId, String state, Counts counts, String message) {
        workspace.call(() -> {
            PreparedStatement update = workspace.prepared("UPDATE import_batches SET state = ?, finished_at = ?, rows_read = ?,"
                    + " rows_imported = ?, rows_rejected = ?, rows_duplicate = ?, rows_too_short = ?, message = ? WHERE id = ?");
            update.setString(1, state);
            update.setString(2, Instant.now().toString());
            update.setLong(3, counts.read());
            update.setLong(4, counts.imported());
            update.setLong(5, counts.rejected());
            update.setLong(6, counts.duplicate());
            update.setLong(7, counts.tooShort());
            update.setString(8, message);
            update.setLong(9, batchId);
            return update.executeUpdate();
        });
    }

    public void addError(long batchId, long line, String reason) {
        workspace.call(() -> {
            PreparedStatement insert = workspace.prepared("INSERT INTO import_errors(batch_id, line, reason) VALUES (?, ?, ?)");
            insert.setLong(1, batchId);
            insert.setLong(2, line);
            insert.setString(3, reason);
            return insert.executeUpdate();
        });
    }

    public void forEachError(long batchId, Consumer<StoredError> consumer) {
        workspace.call(() -> {
            PreparedStatement select = workspace.prepared("SELECT batch_id, line, reason FROM import_errors WHERE batch_id = ? ORDER BY line, id");
            select.setLong(1, batchId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(new StoredError(rows.getLong(1), rows.getLong(2), rows.getString(3)));
                }
            }
            return null;
        });
    }

    public Optional<ImportBatch> get(long batchId) {
        return list("SELECT " + COLUMNS + " FROM import_batches WHERE id = ?", batchId).stream().findFirst();
    }

    public List<ImportBatch> list(long projectId) {
        return list("SELECT " + COLUMNS + " FROM import_batches WHERE project_id = ? ORDER BY id", projectId);
    }

    private List<ImportBatch> list(String sql, long key) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared(sql);
            select.setLong(1, key);
            List<ImportBatch> batches = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batches.add(map(rows));
                }
            }
            return batches;
        });
    }

    private static ImportBatch map(ResultSet rows) throws SQLException {
        String finished = rows.getString(7);
        return new ImportBatch(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getString(5),
                Instant.parse(rows.getString(6)), finished == null ? null : Instant.parse(finished), rows.getLong(8),
                rows.getLong(9), rows.getLong(10), rows.getLong(11), rows.getLong(12), rows.getString(13), rows.getString(14));
    }
}
