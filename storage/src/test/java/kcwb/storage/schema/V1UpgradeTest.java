package kcwb.storage.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import kcwb.storage.io.ImportFormat;
import kcwb.storage.io.ImportOptions;
import kcwb.storage.io.ImportReport;
import kcwb.storage.io.Importer;
import kcwb.storage.item.Item;
import kcwb.storage.project.Project;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace written by schema version 1 opens, migrates forward and keeps working. */
class V1UpgradeTest {
    @TempDir
    Path dir;

    @Test
    void aVersion1WorkspaceMigratesAndKeepsItsItemsLabelsAndDedupe() throws Exception {
        Path file = dir.resolve("v1.kcwb");
        writeVersion1Workspace(file);

        try (Workspace workspace = WorkspaceStore.open(file)) {
            assertEquals(Migrations.latestVersion(), workspace.schemaVersion());
            Project project = workspace.projects().find("old").orElseThrow();
            Item old = workspace.items().get(1).orElseThrow();
            assertEquals("old.tsv", old.sourceFile());
            assertEquals(List.of("hate"), workspace.annotations().find(1, "import").orElseThrow().labels());

            Path tsv = dir.resolve("new.tsv");
            Files.writeString(tsv, "옛날 댓글\thate\n새 댓글\tnone\n");
            ImportReport report = new Importer().run(workspace, project, tsv, ImportOptions.builder(ImportFormat.TSV)
                    .optLabelColumn("1").optCreateLabels(true).optDedupe(true).build());
            assertEquals(1, report.imported());
            assertEquals(1, report.duplicates()); // against the version-1 item (its stored content hash)
            Item added = workspace.items().page(project.id(), 1, 10).getFirst();
            assertEquals("새 댓글", added.text());
            assertEquals("new.tsv", added.sourceFile());
            workspace.annotations().save(added.id(), "kim", List.of("hate"), null);
            assertEquals(List.of("ok"), workspace.integrityCheck());
        }
    }

    /** Exactly what version 1 of the app left on disk: the V1 script, user_version 1, one imported item. */
    private static void writeVersion1Workspace(Path file) throws Exception {
        Migration v1 = Migrations.all().getFirst();
        assertEquals(1, v1.version());
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            for (String sql : v1.statements()) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = 1");
            statement.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
            statement.execute("INSERT INTO projects VALUES (1, 'old', 'single_label', '', '2026-01-01T00:00:00Z')");
            statement.execute("INSERT INTO labels(project_id, name, display_name, position) VALUES (1, 'hate', 'hate', 0)");
            statement.execute("INSERT INTO import_batches(id, project_id, source_file, state, started_at)"
                    + " VALUES (1, 1, '/data/old.tsv', 'complete', '2026-01-01T00:00:00Z')");
            long hash = kcwb.storage.item.ContentHash.of("옛날 댓글");
            statement.execute("INSERT INTO items(id, project_id, text, content_hash, source_file, source_line, batch_id,"
                    + " annotation_count) VALUES (1, 1, '옛날 댓글', " + hash + ", 'old.tsv', 1, 1, 1)");
            statement.execute("INSERT INTO annotations(item_id, annotator, labels_json, updated_at)"
                    + " VALUES (1, 'import', '[\"hate\"]', '2026-01-01T00:00:00Z')");
        }
        assertTrue(Files.size(file) > 0);
    }
}
