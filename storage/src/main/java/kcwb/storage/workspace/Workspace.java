package kcwb.storage.workspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kcwb.storage.StorageException;
import kcwb.storage.annotation.AnnotationRepository;
import kcwb.storage.item.ImportBatchRepository;
import kcwb.storage.item.ItemRepository;
import kcwb.storage.label.LabelRepository;
import kcwb.storage.project.ProjectRepository;
import kcwb.storage.run.PredictionRepository;
import kcwb.storage.run.RunRepository;
import kcwb.storage.schema.Migrations;

/**
 * An open workspace file and its repositories. One connection, so use a workspace from one thread
 * at a time (the GUI gives it a single-thread executor); open a second {@code Workspace} on the
 * same file for another thread or process: SQLite's WAL mode lets readers run beside a writer.
 */
public final class Workspace implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final WalCheckpointer checkpointer;
    private final ProjectRepository projects;
    private final LabelRepository labels;
    private final ItemRepository items;
    private final ImportBatchRepository importBatches;
    private final AnnotationRepository annotations;
    private final RunRepository runs;
    private final PredictionRepository predictions;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Workspace(Path file, Connection connection, WalCheckpointer checkpointer) {
        this.file = file;
        this.connection = connection;
        this.checkpointer = checkpointer;
        this.projects = new ProjectRepository(this);
        this.labels = new LabelRepository(this);
        this.items = new ItemRepository(this);
        this.importBatches = new ImportBatchRepository(this);
        this.annotations = new AnnotationRepository(this);
        this.runs = new RunRepository(this);
        this.predictions = new PredictionRepository(this);
    }

    public Path file() { return file; }
    /** For repositories in this module; callers outside storage use the repositories. */
    public Connection connection() { return connection; }
    public ProjectRepository projects() { return projects; }
    public LabelRepository labels() { return labels; }
    public ItemRepository items() { return items; }
    public ImportBatchRepository importBatches() { return importBatches; }
    public AnnotationRepository annotations() { return annotations; }
    public RunRepository runs() { return runs; }
    public PredictionRepository predictions() { return predictions; }

    public String id() {
        return meta("workspace_id").orElse("");
    }

    public int schemaVersion() {
        return call(() -> Migrations.userVersion(connection));
    }

    /**
     * Runs {@code work} in one transaction (BEGIN IMMEDIATE): all of it is committed or none.
     * Nested calls join the outer transaction.
     *
     * <p>Exactly one BEGIN and one COMMIT: sqlite-jdbc's {@code commit()} would open the next
     * transaction at once (BEGIN IMMEDIATE again, taking the write lock a second time, which can
     * wait on another writer after our data is already committed); switching auto-commit back on
     * commits instead, and nothing is begun after it.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try {
            if (!connection.getAutoCommit()) {
                return work.run();
            }
            connection.setAutoCommit(false); // BEGIN IMMEDIATE
            T result;
            try {
                result = work.run();
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly();
                throw e;
            }
            try {
                connection.setAutoCommit(true); // COMMIT
            } catch (SQLException e) {
                rollbackQuietly();
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Rolls the open transaction back, whatever sqlite-jdbc believes the auto-commit state is. */
    private void rollbackQuietly() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // no transaction was open (the commit went through or SQLite rolled back by itself)
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // auto-commit is on already; nothing is open after the ROLLBACK above
        }
    }

    /** A prepared statement cached for the life of this workspace (do not close it). */
    public PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** The rowid of the last row this connection inserted. */
    public long lastInsertId() throws SQLException {
        try (ResultSet rows = prepared("SELECT last_insert_rowid()").executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Runs {@code work} outside any explicit transaction, mapping SQL errors to {@link StorageException}. */
    public <T> T call(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public StorageException failure(SQLException e) {
        return new StorageException(file + ": " + e.getMessage(), e);
    }

    /** {@code PRAGMA integrity_check}: "ok" or the list of problems. */
    public List<String> integrityCheck() {
        return call(() -> {
            List<String> result = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                while (rows.next()) {
                    result.add(rows.getString(1));
                }
            }
            return result;
        });
    }

    public Optional<String> meta(String key) {
        return call(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT value FROM workspace_meta WHERE key = ?")) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void setMeta(String key, String value) {
        call(() -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO workspace_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                upsert.setString(1, key);
                upsert.setString(2, value);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void close() {
        checkpointer.close();
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            statements.clear();
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}
