package kcwb.storage.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import kcwb.storage.StorageException;
import kcwb.storage.schema.Migrations;
import org.sqlite.SQLiteConfig;

/**
 * Creates and opens workspace files. A workspace is one SQLite file in WAL mode with
 * {@code synchronous=NORMAL}: a transaction whose commit returned survives a killed process
 * (see docs/decisions/0003-one-sqlite-file-per-workspace.md).
 */
public final class WorkspaceStore {
    static final int BUSY_TIMEOUT_MS = 5_000;

    private WorkspaceStore() {}

    /** Creates a new workspace file; refuses to overwrite an existing file. */
    public static Workspace create(Path file) {
        if (Files.exists(file)) {
            throw new StorageException(file + ": already exists; open it instead of creating it");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            setPageSizeOfNewFile(file);
            Connection connection = connect(file);
            Migrations.migrate(connection);
            Workspace workspace = new Workspace(file, connection, new WalCheckpointer(file));
            workspace.setMeta("workspace_id", UUID.randomUUID().toString());
            workspace.setMeta("created_at", java.time.Instant.now().toString());
            return workspace;
        } catch (java.io.IOException | SQLException e) {
            throw new StorageException(file + ": cannot create workspace: " + e.getMessage(), e);
        }
    }

    /** Opens an existing workspace, applying pending migrations; refuses files from a newer app. */
    public static Workspace open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StorageException(file + ": no such workspace file (create it with `kcwb workspace init`)");
        }
        checkVersionWithoutWriting(file);
        try {
            Connection connection = connect(file);
            Migrations.migrate(connection);
            return new Workspace(file, connection, new WalCheckpointer(file));
        } catch (SQLException e) {
            throw new StorageException(file + ": cannot open workspace: " + e.getMessage(), e);
        }
    }

    /** Opens {@code file} if it exists, creates it otherwise. */
    public static Workspace openOrCreate(Path file) {
        return Files.exists(file) ? open(file) : create(file);
    }

    /** Reads the header through a read-only connection, so a refused file is never modified. */
    private static void checkVersionWithoutWriting(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        int version;
        int applicationId;
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            version = Migrations.userVersion(connection);
            applicationId = Migrations.applicationId(connection);
        } catch (SQLException e) {
            throw new WorkspaceVersionException(file, "not a readable SQLite workspace (" + e.getMessage() + ")");
        }
        if (applicationId != Migrations.APPLICATION_ID && (applicationId != 0 || version != 0)) {
            throw new WorkspaceVersionException(file, "is an SQLite file but not a Kc Workbench workspace "
                    + "(application_id " + applicationId + "); it was left untouched");
        }
        if (version > Migrations.latestVersion()) {
            throw new WorkspaceVersionException(file, "was written by a newer Kc Workbench (schema version "
                    + version + "; this version understands up to " + Migrations.latestVersion()
                    + "). Open it with a newer Kc Workbench; the file was left untouched.");
        }
    }

    /**
     * Page size of new workspaces (docs/decisions/0007-16-kib-pages.md): a million-row import writes a quarter of
     * the pages, WAL frames and system calls of 4 KiB pages (measured 15 % faster); a label save writes ~7 bigger
     * WAL frames (median 0.07 -> 0.16 ms, far under its 2 ms bar). Files made with 4 KiB pages keep them.
     */
    static final int PAGE_SIZE = 16_384;

    private static void setPageSizeOfNewFile(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA page_size = " + PAGE_SIZE);
            statement.execute("PRAGMA journal_mode = WAL"); // writes the header: the page size is fixed from here
        }
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // SQLite's "multi-thread" mode for this connection: no per-connection mutex around every API call
        // (sqlite3_bind_*, sqlite3_step...). A Workspace is used from one thread at a time, and sqlite-jdbc
        // serializes its native calls on the connection anyway; the mutex cost ~0.4 s per million imported rows.
        config.setOpenMode(org.sqlite.SQLiteOpenMode.NOMUTEX);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA cache_size = -32768"); // 32 MiB of native page cache, not Java heap
            statement.execute("PRAGMA temp_store = MEMORY");
            statement.execute("PRAGMA wal_autocheckpoint = 0"); // WalCheckpointer does it off the save path
        }
        return connection;
    }
}
