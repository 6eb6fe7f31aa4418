package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kcwb.storage.annotation.FinalLabelPolicy;
import kcwb.storage.annotation.FinalLabels;
import kcwb.storage.annotation.LabeledItem;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real BEEP! (korean-hate-speech) files import completely, label counts as in the files. */
class BeepImportIT {
    @TempDir
    Path dir;

    @Test
    void trainDevAndUnlabeledTestImportEveryRow() {
        Path train = SharedDatasets.require("korean-hate-speech/labeled/train.tsv");
        Path dev = SharedDatasets.require("korean-hate-speech/labeled/dev.tsv");
        Path test = SharedDatasets.require("korean-hate-speech/test.no_label.tsv");
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("beep.kcwb"))) {
            Project project = workspace.projects().create("beep", TaskType.SINGLE_LABEL);
            ImportReport report = new Importer().run(workspace, project, train,
                    ImportOptions.builder(ImportFormat.BEEP).optCreateLabels(true).build());
            assertEquals(7_896, report.imported(), report.problems().toString());
            assertEquals(0, report.rejected());
            assertEquals(List.of("hate", "none", "offensive"), report.createdLabels());
            Map<String, Long> counts = new java.util.TreeMap<>();
            new FinalLabels(workspace).forEach(project, FinalLabelPolicy.majority(), null,
                    (LabeledItem item) -> counts.merge(item.label(), 1L, Long::sum));
            assertEquals(Map.of("hate", 1_911L, "none", 3_486L, "offensive", 2_499L), counts);
            assertTrue(workspace.items().page(project.id(), 0, 10_000).stream()
                    .anyMatch(item -> item.text().equals("에이프릴이 한마디 합니다 \"예쁜게 죄\" 구하라님 \"무기징역\"")));

            ImportReport devReport = new Importer().run(workspace, project, dev, ImportOptions.builder(ImportFormat.BEEP).build());
            assertEquals(471, devReport.imported(), devReport.problems().toString());
            Project unlabeled = workspace.projects().create("beep-test", TaskType.SINGLE_LABEL);
            ImportReport testReport = new Importer().run(workspace, unlabeled, test,
                    ImportOptions.builder(ImportFormat.TSV).optHeader(true).optTextColumn("comments").optLabelColumn(null).build());
            assertEquals(974, testReport.imported(), testReport.problems().toString());
            assertEquals(List.of("ok"), workspace.integrityCheck());
        }
    }

    @Test
    void theBiasColumnCanBeTheProjectsLabel() {
        Path train = SharedDatasets.require("korean-hate-speech/labeled/train.tsv");
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("bias.kcwb"))) {
            Project project = workspace.projects().create("bias", TaskType.SINGLE_LABEL);
            ImportReport report = new Importer().run(workspace, project, train,
                    ImportOptions.builder(ImportFormat.BEEP).optLabelColumn("bias").optCreateLabels(true).build());
            assertEquals(7_896, report.imported());
            assertEquals(List.of("gender", "none", "others").stream().sorted().toList(),
                    workspace.labels().names(project.id()).stream().sorted().toList());
        }
    }
}
