package kcwb.app.gui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.DemoWorkspace;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.annotation.Annotation;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelViewModelTest {
    @TempDir
    Path dir;
    private WorkspaceSession session;
    private DirectTaskRunner runner;
    private LabelViewModel viewModel;
    private Path file;

    @BeforeEach
    void openDemo() {
        file = dir.resolve("demo.kcwb");
        session = new WorkspaceSession();
        session.openOrInit(file, DemoWorkspace::fill);
        runner = new DirectTaskRunner();
        viewModel = new LabelViewModel(I18n.of(Locale.ENGLISH), runner, session, new SimpleStringProperty("minji"));
        viewModel.preview().enabledProperty().set(false); // no tokenizer needed here
        viewModel.load();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void labelKeysSaveAtOnceAndAdvanceToTheNextUnlabeledItem() {
        assertEquals(DemoWorkspace.PROJECT, viewModel.projectProperty().get().project().name());
        assertEquals(List.of("hate", "offensive", "none"), viewModel.labels().stream().map(l -> l.name()).toList());
        long first = viewModel.currentProperty().get().item().id();
        assertEquals(0, viewModel.currentProperty().get().item().annotationCount());
        long unlabeled = viewModel.unlabeledProperty().get();

        viewModel.noteProperty().set("욕설 마스킹");
        viewModel.pressLabel(0);
        long second = viewModel.currentProperty().get().item().id();
        assertTrue(second > first, "advanced to a later unlabeled item");
        assertEquals(unlabeled - 1, viewModel.unlabeledProperty().get());
        assertEquals("", viewModel.noteProperty().get(), "the next item starts without a note");
        viewModel.pressLabel(2);

        List<Annotation> saved = session.call(w -> w.annotations().forItem(first));
        assertEquals(List.of("hate"), saved.getFirst().labels());
        assertEquals("minji", saved.getFirst().annotator());
        assertEquals("욕설 마스킹", saved.getFirst().note());

        viewModel.undo();
        assertEquals(second, viewModel.currentProperty().get().item().id(), "undo shows the item it reverted");
        viewModel.undo();
        assertEquals(first, viewModel.currentProperty().get().item().id());
        assertEquals(unlabeled, viewModel.unlabeledProperty().get(), "counts follow undo");
        viewModel.redo();
        assertEquals(List.of("hate"), viewModel.currentProperty().get().myLabels());
        assertEquals(unlabeled - 1, viewModel.unlabeledProperty().get());
        long stored = session.call(w -> w.items().countUnlabeled(viewModel.projectProperty().get().project().id()));
        assertEquals(unlabeled - 1, stored);
        assertTrue(viewModel.isIdle());
    }

    @Test
    void skipNavigationJumpAndOutOfRangeKeys() {
        long first = viewModel.currentProperty().get().item().id();
        viewModel.pressLabel(8); // no ninth label: nothing happens
        assertEquals(first, viewModel.currentProperty().get().item().id());
        viewModel.skip();
        long skipped = viewModel.currentProperty().get().item().id();
        assertNotEquals(first, skipped);
        viewModel.previous();
        assertTrue(viewModel.currentProperty().get().item().id() < skipped);
        viewModel.jumpTo(first);
        assertEquals(first, viewModel.currentProperty().get().item().id());
        viewModel.jumpTo(999_999);
        assertEquals("No item #999,999 in this project.", viewModel.messageProperty().get());
        assertEquals(0, session.call(w -> w.annotations().forItem(first)).size(), "skip saves nothing");
    }

    @Test
    void digitKeysFollowTheStoredHotkeys() {
        assertEquals(0, viewModel.labelIndexForKey(0));
        assertEquals(2, viewModel.labelIndexForKey(2));
        assertEquals(-1, viewModel.labelIndexForKey(3), "no fourth label");
        long projectId = viewModel.projectProperty().get().project().id();
        session.call(w -> {
            var hate = w.labels().find(projectId, "hate").orElseThrow();
            w.labels().update(new kcwb.storage.label.Label(hate.id(), projectId, "hate", hate.displayName(), hate.color(),
                    "7", hate.position()));
            return null;
        });
        viewModel.load();
        assertEquals(0, viewModel.labelIndexForKey(6), "key 7 is hate now");
        assertEquals(-1, viewModel.labelIndexForKey(0), "key 1 is free: hate has its own key");
        long first = viewModel.currentProperty().get().item().id();
        viewModel.pressKey(6);
        assertEquals(List.of("hate"), session.call(w -> w.annotations().find(first, "minji")).orElseThrow().labels());
    }

    @Test
    void multiLabelKeysToggleAndSaveWithoutLeavingTheItem() {
        try (WorkspaceSession multi = new WorkspaceSession()) {
            multi.openOrInit(dir.resolve("multi.kcwb"), w -> {
                long id = w.projects().create("m", kcwb.storage.project.TaskType.MULTI_LABEL).id();
                List.of("욕설", "비꼼", "정치").forEach(label -> w.labels().add(id, label));
                w.items().insert(id, kcwb.storage.item.NewItem.of("첫 댓글"));
                w.items().insert(id, kcwb.storage.item.NewItem.of("둘째 댓글"));
                return;
            });
            LabelViewModel model = new LabelViewModel(I18n.of(Locale.ENGLISH), new DirectTaskRunner(), multi,
                    new SimpleStringProperty("minji"));
            model.preview().enabledProperty().set(false);
            model.load();
            long first = model.currentProperty().get().item().id();
            model.pressKey(0);
            model.pressKey(2);
            assertEquals(first, model.currentProperty().get().item().id(), "toggles stay on the item");
            assertEquals(List.of("욕설", "정치"), model.currentProperty().get().myLabels());
            model.pressKey(0);
            assertEquals(List.of("정치"), multi.call(w -> w.annotations().find(first, "minji")).orElseThrow().labels());
            model.skip();
            assertNotEquals(first, model.currentProperty().get().item().id());
        }
    }

    @Test
    void everySaveIsOnDiskWhenTheKeyReturns() {
        long first = viewModel.currentProperty().get().item().id();
        viewModel.pressLabel(1);
        try (Workspace other = WorkspaceStore.open(file)) { // a second connection sees the committed label
            assertEquals(List.of("offensive"), other.annotations().find(first, "minji").orElseThrow().labels());
        }
    }
}
