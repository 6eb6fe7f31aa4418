package kcwb.storage.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import kcwb.storage.io.ImportFormat;
import kcwb.storage.io.ImportOptions;
import kcwb.storage.io.Importer;
import kcwb.storage.item.ItemFilter;
import kcwb.storage.item.ItemSearch;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labels that come with an import live on the item (schema version 3), not as annotations rows; every reader
 * still sees them as the import annotator's annotation, and the first change by that annotator takes over.
 */
class ImportedLabelsTest {
    @TempDir
    Path dir;
    Workspace workspace;
    Project project;
    long first;
    long second;
    long unlabelled;

    @BeforeEach
    void setUp() throws Exception {
        workspace = WorkspaceStore.create(dir.resolve("w.kcwb"));
        project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
        Path tsv = dir.resolve("in.tsv");
        Files.writeString(tsv, "첫 댓글\thate\n두번째 댓글\tnone\n라벨 없는 댓글\t\n");
        new Importer().run(workspace, project, tsv, ImportOptions.builder(ImportFormat.TSV).optLabelColumn("1")
                .optCreateLabels(true).optAnnotator("import").build());
        first = workspace.items().page(project.id(), 0, 1).getFirst().id();
        second = first + 1;
        unlabelled = first + 2;
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    @Test
    void importedLabelsAreStoredOnTheItemNotAsAnnotationRows() throws Exception {
        assertEquals(0, count("SELECT count(*) FROM annotations"));
        assertEquals(2, count("SELECT count(*) FROM items WHERE imported_labels IS NOT NULL"));
        assertEquals(0, count("SELECT count(*) FROM annotation_history"));
        assertEquals(1, workspace.items().get(first).orElseThrow().annotationCount());
        assertEquals(0, workspace.items().get(unlabelled).orElseThrow().annotationCount());
    }

    @Test
    void readersSeeImportedLabelsAsTheImportAnnotatorsAnnotation() {
        Annotation annotation = workspace.annotations().find(first, "import").orElseThrow();
        assertEquals(List.of("hate"), annotation.labels());
        assertNull(annotation.note());
        assertTrue(workspace.annotations().forItem(unlabelled).isEmpty());
        assertEquals(unlabelled, workspace.items().nextUnlabeled(project.id(), 0).orElseThrow().id());
        assertEquals(unlabelled, workspace.items().nextUnlabeledBy(project.id(), "import", 0).orElseThrow().id());
        assertEquals(first, workspace.items().nextUnlabeledBy(project.id(), "mina", 0).orElseThrow().id());

        List<LabeledItem> finals = new FinalLabels(workspace).labelled(project, FinalLabelPolicy.majority(), null);
        assertEquals(List.of("hate", "none"), finals.stream().map(LabeledItem::label).toList());
        assertEquals(Map.of("import", List.of("hate")), finals.getFirst().byAnnotator());

        AnnotationStats stats = new AnnotationStats(workspace);
        assertEquals(Map.of("hate", 1L, "none", 1L), stats.perLabel(project.id()));
        assertEquals(Map.of("import", 2L), stats.perAnnotator(project.id()));

        ItemSearch search = new ItemSearch(workspace);
        assertEquals(List.of(first), boxed(search.ids(ItemFilter.all(project.id()).withLabel("hate"))));
        assertEquals(List.of(first, second), boxed(search.ids(ItemFilter.all(project.id()).withAnnotator("import"))));
    }

    @Test
    void anotherAnnotatorAddsAVoteBesideTheImportedOne() {
        workspace.annotations().save(first, "mina", List.of("none"), null);
        assertEquals(2, workspace.items().get(first).orElseThrow().annotationCount());
        assertEquals(List.of("import", "mina"), workspace.annotations().forItem(first).stream().map(Annotation::annotator).toList());
        ItemSearch search = new ItemSearch(workspace);
        assertEquals(List.of(first), boxed(search.ids(ItemFilter.all(project.id()).withDisagreementOnly(true))));
        LabeledItem adjudicated = new FinalLabels(workspace).labelled(project, FinalLabelPolicy.adjudicatedBy("mina"), null)
                .getFirst();
        assertEquals(List.of("none"), adjudicated.labels());
        assertEquals(Map.of("import", List.of("hate"), "mina", List.of("none")), adjudicated.byAnnotator());
    }

    @Test
    void theImportAnnotatorsFirstChangeTakesOverTheImportedLabelAndUndoBringsItBack() throws Exception {
        workspace.annotations().save(first, "import", List.of("none"), "fixed");
        assertEquals(List.of("none"), workspace.annotations().find(first, "import").orElseThrow().labels());
        assertEquals(1, workspace.annotations().forItem(first).size());
        assertEquals(1, workspace.items().get(first).orElseThrow().annotationCount());
        assertEquals(0, count("SELECT count(*) FROM items WHERE id = " + first + " AND imported_labels IS NOT NULL"));
        AnnotationChange change = workspace.annotations().history(first).getFirst();
        assertEquals(List.of("hate"), change.before());
        assertEquals(List.of("none"), change.after());

        workspace.annotations().undo(project.id(), "import");
        assertEquals(List.of("hate"), workspace.annotations().find(first, "import").orElseThrow().labels());
        assertEquals(1, workspace.items().get(first).orElseThrow().annotationCount());

        workspace.annotations().clear(second, "import");
        assertTrue(workspace.annotations().find(second, "import").isEmpty());
        assertEquals(0, workspace.items().get(second).orElseThrow().annotationCount());
        assertEquals(second, workspace.items().nextUnlabeled(project.id(), first).orElseThrow().id());
        workspace.annotations().undo(project.id(), "import");
        assertEquals(List.of("none"), workspace.annotations().find(second, "import").orElseThrow().labels());
        assertEquals(1, workspace.items().get(second).orElseThrow().annotationCount());
        assertEquals(List.of("ok"), workspace.integrityCheck());
    }

    @Test
    void savingTheImportedLabelsUnchangedRecordsNothing() throws Exception {
        workspace.annotations().save(first, "import", List.of("hate"), null);
        assertTrue(workspace.annotations().history(first).isEmpty());
        assertEquals(1, count("SELECT count(*) FROM items WHERE id = " + first + " AND imported_labels IS NOT NULL"));
    }

    private long count(String sql) throws Exception {
        try (Statement statement = workspace.connection().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Long> boxed(long[] ids) {
        return java.util.Arrays.stream(ids).boxed().toList();
    }
}
