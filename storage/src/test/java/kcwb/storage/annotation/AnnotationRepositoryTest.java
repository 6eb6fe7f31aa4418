package kcwb.storage.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import kcwb.storage.StorageException;
import kcwb.storage.item.Item;
import kcwb.storage.item.NewItem;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationRepositoryTest {
    @TempDir
    Path dir;
    Workspace workspace;
    Project project;
    long a;
    long b;

    @BeforeEach
    void setUp() {
        workspace = WorkspaceStore.create(dir.resolve("w.kcwb"));
        project = workspace.projects().create("hate", TaskType.SINGLE_LABEL);
        for (String label : List.of("none", "offensive", "hate")) {
            workspace.labels().add(project.id(), label);
        }
        a = workspace.items().insert(project.id(), NewItem.of("첫 댓글 ㅋㅋ"));
        b = workspace.items().insert(project.id(), NewItem.of("두번째 댓글"));
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    private List<String> labelsOf(long item, String annotator) {
        return workspace.annotations().find(item, annotator).map(Annotation::labels).orElse(null);
    }

    @Test
    void undoAndRedoWalkTheAnnotatorsChangesLikeAnEditor() {
        var annotations = workspace.annotations();
        annotations.save(a, "mina", List.of("none"), null);
        annotations.save(a, "mina", List.of("hate"), "slur");
        annotations.save(b, "mina", List.of("offensive"), null);

        assertEquals(b, annotations.undo(project.id(), "mina").orElseThrow().itemId());
        assertEquals(null, labelsOf(b, "mina"));
        annotations.undo(project.id(), "mina");
        assertEquals(List.of("none"), labelsOf(a, "mina"));
        annotations.redo(project.id(), "mina");
        assertEquals(List.of("hate"), labelsOf(a, "mina"));
        assertEquals("slur", workspace.annotations().find(a, "mina").orElseThrow().note());
        annotations.redo(project.id(), "mina");
        assertEquals(List.of("offensive"), labelsOf(b, "mina"));
        assertTrue(annotations.redo(project.id(), "mina").isEmpty());

        annotations.undo(project.id(), "mina"); // b cleared again
        annotations.save(a, "mina", List.of("offensive"), null); // a new edit drops the redo stack
        assertTrue(annotations.redo(project.id(), "mina").isEmpty());
        annotations.undo(project.id(), "mina");
        assertEquals(List.of("hate"), labelsOf(a, "mina"));
        annotations.undo(project.id(), "mina");
        annotations.undo(project.id(), "mina");
        assertEquals(null, labelsOf(a, "mina"));
        assertTrue(annotations.undo(project.id(), "mina").isEmpty());
    }

    @Test
    void severalAnnotatorsKeepSeparateLabelsAndUndoStacks() {
        var annotations = workspace.annotations();
        annotations.save(a, "mina", List.of("hate"), null);
        annotations.save(a, "joon", List.of("offensive"), null);
        assertEquals(2, annotations.forItem(a).size());
        assertEquals(2, workspace.items().get(a).orElseThrow().annotationCount());
        annotations.undo(project.id(), "mina");
        assertEquals(null, labelsOf(a, "mina"));
        assertEquals(List.of("offensive"), labelsOf(a, "joon"));
        assertEquals(1, workspace.items().get(a).orElseThrow().annotationCount());
    }

    @Test
    void historyTellsWhoChangedWhatAndIsAppendOnly() throws Exception {
        var annotations = workspace.annotations();
        annotations.save(a, "mina", List.of("none"), null);
        annotations.save(a, "joon", List.of("hate"), null);
        annotations.undo(project.id(), "joon");
        List<AnnotationChange> history = annotations.history(a);
        assertEquals(3, history.size());
        assertEquals("mina", history.get(0).annotator());
        assertEquals(null, history.get(0).before());
        assertEquals(List.of("none"), history.get(0).after());
        assertEquals(AnnotationChange.Kind.UNDO, history.get(2).kind());
        assertEquals(history.get(1).id(), history.get(2).targetId());
        try (Statement statement = workspace.connection().createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> statement.executeUpdate("UPDATE annotation_history SET annotator = 'x'"));
        }
    }

    @Test
    void savingTheSameLabelsTwiceAddsNoHistory() {
        workspace.annotations().save(a, "mina", List.of("none"), null);
        workspace.annotations().save(a, "mina", List.of("none"), null);
        assertEquals(1, workspace.annotations().history(a).size());
    }

    @Test
    void unknownLabelsAndItemsAreRefusedWithoutWriting() {
        StorageException unknown = assertThrows(StorageException.class,
                () -> workspace.annotations().save(a, "mina", List.of("spam"), null));
        assertTrue(unknown.getMessage().contains("spam"), unknown.getMessage());
        assertThrows(StorageException.class, () -> workspace.annotations().save(999, "mina", List.of("none"), null));
        assertTrue(workspace.annotations().history(a).isEmpty());
    }

    @Test
    void nextUnlabeledSkipsItemsAnyoneLabelledAndFollowsUndo() {
        var items = workspace.items();
        assertEquals(a, items.nextUnlabeled(project.id(), 0).map(Item::id).orElseThrow());
        workspace.annotations().save(a, "mina", List.of("none"), null);
        assertEquals(b, items.nextUnlabeled(project.id(), 0).map(Item::id).orElseThrow());
        assertEquals(a, items.nextUnlabeledBy(project.id(), "joon", 0).map(Item::id).orElseThrow());
        workspace.annotations().save(b, "mina", List.of("hate"), null);
        assertTrue(items.nextUnlabeled(project.id(), 0).isEmpty());
        assertEquals(0, items.countUnlabeled(project.id()));
        workspace.annotations().undo(project.id(), "mina");
        assertEquals(b, items.nextUnlabeled(project.id(), 0).map(Item::id).orElseThrow());
    }

    @Test
    void finalLabelsUseMajorityOrTheAdjudicator() {
        var annotations = workspace.annotations();
        annotations.save(a, "mina", List.of("hate"), null);
        annotations.save(a, "joon", List.of("hate"), null);
        annotations.save(a, "sora", List.of("none"), null);
        annotations.save(b, "mina", List.of("hate"), null);
        annotations.save(b, "joon", List.of("offensive"), null); // a tie goes to the label listed first
        annotations.save(b, "lead", List.of("none"), null);
        FinalLabels finals = new FinalLabels(workspace);
        List<LabeledItem> majority = finals.labelled(project, FinalLabelPolicy.majority(), null);
        assertEquals(List.of("hate"), majority.get(0).labels());
        assertEquals(List.of("none"), majority.get(1).labels()); // none/offensive/hate 1 vote each -> none
        List<LabeledItem> adjudicated = finals.labelled(project, FinalLabelPolicy.adjudicatedBy("lead"), null);
        assertEquals(List.of("hate"), adjudicated.get(0).labels()); // lead did not label a: majority
        assertEquals(List.of("none"), adjudicated.get(1).labels());
        assertEquals(3, adjudicated.get(1).byAnnotator().size());
    }

    @Test
    void multiLabelMajorityKeepsLabelsChosenByAtLeastHalf() {
        List<String> labels = FinalLabels.majority(List.of(List.of("a", "b"), List.of("b"), List.of("b", "c")),
                TaskType.MULTI_LABEL, List.of("a", "b", "c"));
        assertEquals(List.of("b"), labels);
    }
}
