package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dedupe without a content-hash index (schema version 3): within the file and against the project, through the
 * in-memory hash map; foreign-key checks, switched off for the import's rows, are back on afterwards.
 */
class ImportDedupeTest {
    @TempDir
    Path dir;

    @Test
    void dedupeWorksWithinTheFileAndAgainstTheProjectWithoutAnIndex() throws Exception {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("w.kcwb"))) {
            Project project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
            assertEquals(0, count(workspace, "SELECT count(*) FROM sqlite_schema WHERE name = 'items_project_hash'"));
            Path tsv = dir.resolve("a.tsv");
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < 5_000; i++) {
                rows.append("댓글 ").append(i % 3_000).append("\tl").append(i % 2).append('\n');
            }
            Files.writeString(tsv, rows);
            ImportReport report = new Importer().run(workspace, project, tsv, options());
            assertEquals(3_000, report.imported());
            assertEquals(2_000, report.duplicates());
            assertEquals(1, workspace.items().findDuplicate(project.id(), "댓글 2999").stream().count());
            // bound as UTF-8 bytes and cast: stored as TEXT, not BLOB, so = and LIKE and instr work as on typed text
            assertEquals(0, count(workspace, "SELECT count(*) FROM items WHERE typeof(text) <> 'text'"));
            assertEquals(1, count(workspace, "SELECT count(*) FROM items WHERE text = '댓글 2999'"));
            assertTrue(workspace.items().findDuplicate(project.id(), "댓글 3000").isEmpty());
            assertEquals(0, new Importer().run(workspace, project, tsv, options()).imported());
            assertEquals(1, count(workspace, "PRAGMA foreign_keys"));
            assertEquals(0, count(workspace, "SELECT count(*) FROM pragma_foreign_key_check"));
            assertEquals(List.of("ok"), workspace.integrityCheck());
        }
    }

    @Test
    void anAbortedImportWritesNothingAndLeavesForeignKeysOn() throws Exception {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("w.kcwb"))) {
            Project project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
            Path tsv = dir.resolve("bad.tsv");
            Files.writeString(tsv, "좋은 댓글\tl\n\tl\n");
            ImportReport report = new Importer().run(workspace, project, tsv, ImportOptions.builder(ImportFormat.TSV)
                    .optLabelColumn("1").optCreateLabels(true).optDedupe(true)
                    .optBadRowMode(ImportOptions.BadRowMode.ABORT).build());
            assertTrue(report.aborted());
            assertEquals(0, workspace.items().count(project.id()));
            assertEquals(1, count(workspace, "PRAGMA foreign_keys"));
        }
    }

    @Test
    void theFilesSha256IsRecordedOnTheBatch() throws Exception {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("w.kcwb"))) {
            Project project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
            Path tsv = dir.resolve("a.tsv");
            Files.writeString(tsv, "하나\tl\n둘\tl\n");
            ImportReport report = new Importer().run(workspace, project, tsv, options());
            String expected = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tsv)));
            assertEquals(expected, report.sha256());
            assertEquals(expected, workspace.importBatches().list(project.id()).getFirst().sha256());
        }
    }

    private static ImportOptions options() {
        return ImportOptions.builder(ImportFormat.TSV).optLabelColumn("1").optCreateLabels(true).optDedupe(true).build();
    }

    private static long count(Workspace workspace, String sql) throws Exception {
        try (Statement statement = workspace.connection().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
