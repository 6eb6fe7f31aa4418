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

/** The first import into an empty workspace builds the content-hash index after its rows. */
class HashIndexRebuildTest {
    @TempDir
    Path dir;

    @Test
    void theIndexIsBackAfterAFirstImportAndDedupeStillWorks() throws Exception {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("w.kcwb"))) {
            Project project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
            String indexSql = indexSql(workspace);
            Path tsv = dir.resolve("a.tsv");
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < 5_000; i++) {
                rows.append("댓글 ").append(i % 3_000).append("\tl").append(i % 2).append('\n');
            }
            Files.writeString(tsv, rows);
            ImportReport report = new Importer().run(workspace, project, tsv, options());
            assertEquals(3_000, report.imported());
            assertEquals(2_000, report.duplicates());
            assertEquals(indexSql, indexSql(workspace));
            assertEquals(1, workspace.items().findDuplicate(project.id(), "댓글 2999").stream().count());
            assertEquals(0, new Importer().run(workspace, project, tsv, options()).imported());
            assertEquals(List.of("ok"), workspace.integrityCheck());
        }
    }

    @Test
    void anAbortedFirstImportLeavesTheIndexAsItWas() throws Exception {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("w.kcwb"))) {
            Project project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
            String indexSql = indexSql(workspace);
            Path tsv = dir.resolve("bad.tsv");
            Files.writeString(tsv, "좋은 댓글\tl\n\tl\n");
            ImportReport report = new Importer().run(workspace, project, tsv, ImportOptions.builder(ImportFormat.TSV)
                    .optLabelColumn("1").optCreateLabels(true).optDedupe(true)
                    .optBadRowMode(ImportOptions.BadRowMode.ABORT).build());
            assertTrue(report.aborted());
            assertEquals(0, workspace.items().count(project.id()));
            assertEquals(indexSql, indexSql(workspace));
        }
    }

    private static ImportOptions options() {
        return ImportOptions.builder(ImportFormat.TSV).optLabelColumn("1").optCreateLabels(true).optDedupe(true).build();
    }

    private static String indexSql(Workspace workspace) throws Exception {
        try (Statement statement = workspace.connection().createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT sql FROM sqlite_schema WHERE name = 'items_project_hash'")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
