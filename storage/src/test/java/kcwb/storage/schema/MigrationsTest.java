package kcwb.storage.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import kcwb.storage.StorageException;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import kcwb.storage.workspace.WorkspaceVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void newWorkspaceIsAtTheLatestVersionWithOurApplicationId() throws Exception {
        Path file = dir.resolve("w.kcwb");
        try (Workspace workspace = WorkspaceStore.create(file)) {
            assertEquals(Migrations.latestVersion(), workspace.schemaVersion());
            assertEquals(Migrations.APPLICATION_ID, Migrations.applicationId(workspace.connection()));
            assertEquals(List.of("ok"), workspace.integrityCheck());
        }
        try (Workspace reopened = WorkspaceStore.open(file)) {
            assertEquals(Migrations.latestVersion(), reopened.schemaVersion());
            assertTrue(reopened.id().length() > 10);
        }
    }

    @Test
    void aFileFromANewerAppIsRefusedAndLeftByteForByteUntouched() throws Exception {
        Path file = dir.resolve("newer.kcwb");
        WorkspaceStore.create(file).close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA journal_mode = DELETE");
            statement.execute("PRAGMA user_version = " + (Migrations.latestVersion() + 1));
        }
        byte[] before = Files.readAllBytes(file);
        WorkspaceVersionException refused = assertThrows(WorkspaceVersionException.class, () -> WorkspaceStore.open(file));
        assertTrue(refused.getMessage().contains("newer Kc Workbench"), refused.getMessage());
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void anSqliteFileOfAnotherAppIsRefused() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = raw.createStatement()) {
            statement.execute("CREATE TABLE t(x)");
            statement.execute("PRAGMA user_version = 7");
        }
        assertThrows(WorkspaceVersionException.class, () -> WorkspaceStore.open(file));
    }

    @Test
    void openingAMissingFileDoesNotCreateIt() {
        Path file = dir.resolve("missing.kcwb");
        assertThrows(StorageException.class, () -> WorkspaceStore.open(file));
        assertTrue(Files.notExists(file));
    }

    @Test
    void createRefusesToOverwrite() throws Exception {
        Path file = dir.resolve("exists.kcwb");
        Files.writeString(file, "precious");
        assertThrows(StorageException.class, () -> WorkspaceStore.create(file));
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void connectionUsesWalNormalSyncForeignKeysAndABusyTimeout() throws Exception {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("p.kcwb"))) {
            assertEquals("wal", pragma(workspace, "journal_mode"));
            assertEquals("1", pragma(workspace, "synchronous")); // NORMAL
            assertEquals("1", pragma(workspace, "foreign_keys"));
            assertTrue(Integer.parseInt(pragma(workspace, "busy_timeout")) >= 1000);
            assertEquals("0", pragma(workspace, "wal_autocheckpoint")); // WalCheckpointer runs them off the save path
        }
    }

    @Test
    void scriptSplitsOnLinesHoldingOnlyASemicolon() {
        List<String> statements = Migrations.statements("-- c\nCREATE TABLE a(x);\n;\nCREATE TRIGGER t BEGIN SELECT 1; END\n;\n");
        assertEquals(List.of("CREATE TABLE a(x);", "CREATE TRIGGER t BEGIN SELECT 1; END"), statements);
    }

    private static String pragma(Workspace workspace, String name) throws Exception {
        try (Statement statement = workspace.connection().createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
