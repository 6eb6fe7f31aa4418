package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kcwb.storage.item.Item;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** curse-detection's text|label file (CRLF, '|' inside texts) imports every row. */
class CurseImportIT {
    @TempDir
    Path dir;

    @Test
    void everyRowImportsWithTheLastBarAsSeparator() {
        Path file = SharedDatasets.require("curse-detection/dataset.txt");
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("curse.kcwb"))) {
            Project project = workspace.projects().create("curse", TaskType.SINGLE_LABEL);
            ImportReport report = new Importer().run(workspace, project, file,
                    ImportOptions.builder(ImportFormat.PIPE).optCreateLabels(true)
                            .optSplit(new SplitSpec(0.8, 0.1, 0.1, 42)).build());
            assertEquals(5_825, report.imported(), report.problems().toString());
            assertEquals(0, report.rejected());
            assertEquals(List.of("1", "0"), report.createdLabels());
            List<Item> items = workspace.items().page(project.id(), 0, 10_000);
            assertTrue(items.stream().noneMatch(item -> item.text().endsWith("\r")));
            assertTrue(items.stream().anyMatch(item -> item.text().contains("|")));
            assertEquals(5_825L, report.splitCounts().values().stream().mapToLong(Long::longValue).sum());
        }
    }
}
