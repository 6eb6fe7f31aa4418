package kcwb.storage.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import kcwb.storage.project.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New workspaces get 16 KiB pages in WAL mode; a file made with 4 KiB pages opens and keeps them. */
class WorkspacePageSizeTest {
    @TempDir
    Path dir;

    @Test
    void aNewWorkspaceHasSixteenKibPagesInWalMode() throws Exception {
        Path file = dir.resolve("new.kcwb");
        try (Workspace workspace = WorkspaceStore.create(file)) {
            assertEquals("16384", pragma(workspace.connection(), "page_size"));
            assertEquals("wal", pragma(workspace.connection(), "journal_mode"));
        }
    }

    @Test
    void aWorkspaceWithFourKibPagesOpensUnchanged() throws Exception {
        Path file = dir.resolve("old.kcwb");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA page_size = 4096");
            statement.execute("PRAGMA journal_mode = WAL");
        }
        try (Workspace workspace = WorkspaceStore.open(file)) {
            long project = workspace.projects().create("p", TaskType.SINGLE_LABEL).id();
            workspace.labels().add(project, "hate");
            assertEquals("4096", pragma(workspace.connection(), "page_size"));
            assertEquals(List.of("ok"), workspace.integrityCheck());
        }
    }

    private static String pragma(Connection connection, String name) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
