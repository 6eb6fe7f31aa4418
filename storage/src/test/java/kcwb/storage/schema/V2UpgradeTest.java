package kcwb.storage.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import kcwb.storage.annotation.FinalLabelPolicy;
import kcwb.storage.annotation.FinalLabels;
import kcwb.storage.annotation.LabeledItem;
import kcwb.storage.io.ImportFormat;
import kcwb.storage.io.ImportOptions;
import kcwb.storage.io.ImportReport;
import kcwb.storage.io.Importer;
import kcwb.storage.item.ContentHash;
import kcwb.storage.project.Project;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace written by schema version 2 (imported labels as annotations rows, content-hash index) migrates to
 * version 3 (imported labels on the item, no hash index) and keeps its labels, history, undo and dedupe.
 */
class V2UpgradeTest {
    @TempDir
    Path dir;

    @Test
    void aVersion2WorkspaceMigratesAndOldAndNewImportedLabelsWorkSideBySide() throws Exception {
        Path file = dir.resolve("v2.kcwb");
        writeVersion2Workspace(file);

        try (Workspace workspace = WorkspaceStore.open(file)) {
            assertEquals(3, workspace.schemaVersion());
            assertEquals(0, count(workspace, "SELECT count(*) FROM sqlite_schema WHERE name = 'items_project_hash'"));
            Project project = workspace.projects().find("old").orElseThrow();
            assertEquals("old.tsv", workspace.items().get(1).orElseThrow().sourceFile());
            assertEquals(List.of("hate"), workspace.annotations().find(1, "import").orElseThrow().labels());
            assertEquals(List.of("none"), workspace.annotations().find(2, "kim").orElseThrow().labels());
            assertEquals(1, workspace.annotations().history(2).size());

            Path tsv = dir.resolve("new.tsv");
            Files.writeString(tsv, "옛날 댓글\thate\n새 댓글\tnone\n");
            ImportReport report = new Importer().run(workspace, project, tsv, ImportOptions.builder(ImportFormat.TSV)
                    .optLabelColumn("1").optCreateLabels(true).optDedupe(true).build());
            assertEquals(1, report.imported());
            assertEquals(1, report.duplicates()); // against the version-2 item, without the dropped index
            long added = 3;
            assertEquals("새 댓글", workspace.items().get(added).orElseThrow().text());
            assertEquals(1, count(workspace, "SELECT count(*) FROM items WHERE imported_labels IS NOT NULL"));
            assertEquals(List.of("none"), workspace.annotations().find(added, "import").orElseThrow().labels());

            List<LabeledItem> finals = new FinalLabels(workspace).labelled(project, FinalLabelPolicy.majority(), null);
            assertEquals(Map.of(1L, "hate", 2L, "none", 3L, "none"),
                    Map.of(finals.get(0).itemId(), finals.get(0).label(), finals.get(1).itemId(), finals.get(1).label(),
                            finals.get(2).itemId(), finals.get(2).label()));

            // The old row-based imported label still changes and undoes as before.
            workspace.annotations().save(1, "import", List.of("none"), null);
            workspace.annotations().undo(project.id(), "import");
            assertEquals(List.of("hate"), workspace.annotations().find(1, "import").orElseThrow().labels());
            assertEquals(1, workspace.items().get(1).orElseThrow().annotationCount());
            assertEquals(List.of("ok"), workspace.integrityCheck());
            assertEquals(0, count(workspace, "SELECT count(*) FROM pragma_foreign_key_check"));
        }
    }

    /** What version 2 of the app left on disk: the V1 and V2 scripts, user_version 2, imported and hand-made labels. */
    private static void writeVersion2Workspace(Path file) throws Exception {
        List<Migration> migrations = Migrations.all();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            for (Migration migration : migrations.subList(0, 2)) {
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
            }
            statement.execute("PRAGMA user_version = 2");
            statement.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            statement.execute("INSERT INTO projects VALUES (1, 'old', 'single_label', '', '2026-01-01T00:00:00Z')");
            statement.execute("INSERT INTO labels(project_id, name, display_name, position) VALUES (1, 'hate', 'hate', 0)");
            statement.execute("INSERT INTO labels(project_id, name, display_name, position) VALUES (1, 'none', 'none', 1)");
            statement.execute("INSERT INTO import_batches(id, project_id, source_file, source_name, state, started_at)"
                    + " VALUES (1, 1, '/data/old.tsv', 'old.tsv', 'complete', '2026-01-01T00:00:00Z')");
            statement.execute("INSERT INTO items(id, project_id, text, content_hash, source_line, batch_id, annotation_count)"
                    + " VALUES (1, 1, '옛날 댓글', " + ContentHash.of("옛날 댓글") + ", 1, 1, 1)");
            statement.execute("INSERT INTO items(id, project_id, text, content_hash, source_line, batch_id, annotation_count)"
                    + " VALUES (2, 1, '둘째 댓글', " + ContentHash.of("둘째 댓글") + ", 2, 1, 1)");
            statement.execute("INSERT INTO annotations(item_id, annotator, labels_json, updated_at)"
                    + " VALUES (1, 'import', '[\"hate\"]', '2026-01-01T00:00:00Z')");
            statement.execute("INSERT INTO annotations(item_id, annotator, labels_json, updated_at)"
                    + " VALUES (2, 'kim', '[\"none\"]', '2026-01-02T00:00:00Z')");
            statement.execute("INSERT INTO annotation_history(project_id, item_id, annotator, kind, after_json, at)"
                    + " VALUES (1, 2, 'kim', 'edit', '[\"none\"]', '2026-01-02T00:00:00Z')");
        }
        assertTrue(Files.size(file) > 0);
    }

    private static long count(Workspace workspace, String sql) throws Exception {
        try (Statement statement = workspace.connection().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
