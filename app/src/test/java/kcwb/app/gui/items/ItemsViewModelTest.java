package kcwb.app.gui.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.collections.ObservableList;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.DemoComments;
import kcwb.app.service.DemoWorkspace;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.item.Split;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemsViewModelTest {
    @TempDir
    Path dir;
    private WorkspaceSession session;
    private DirectTaskRunner runner;
    private ItemsViewModel viewModel;

    @BeforeEach
    void openDemo() {
        session = new WorkspaceSession();
        session.openOrInit(dir.resolve("demo.kcwb"), DemoWorkspace::fill);
        runner = new DirectTaskRunner();
        viewModel = new ItemsViewModel(I18n.of(Locale.ENGLISH), runner, session);
        viewModel.load();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void listsEveryItemLazilyAPageAtATime() {
        ObservableList<ItemRowViewModel> rows = viewModel.rowsProperty().get();
        int comments = DemoComments.load().size();
        assertEquals(comments, rows.size());
        assertEquals("327 items".replace("327", Integer.toString(comments)), viewModel.summaryProperty().get());
        int before = runner.submittedCount();
        ItemRowViewModel row = rows.get(250);
        assertEquals(before + 1, runner.submittedCount(), "one page query for the first row of a page");
        assertTrue(row.isLoaded());
        rows.get(251);
        assertEquals(before + 1, runner.submittedCount(), "the same page is not fetched twice");
        assertEquals(DemoComments.load().get(250).text().length() > 0, !row.text().isEmpty());
    }

    @Test
    void filtersByLabelSplitUnlabeledTextAndAnnotator() {
        long hate = DemoComments.load().stream().filter(c -> c.label().filter("hate"::equals).isPresent()).count();
        long unlabeled = DemoComments.load().stream().filter(c -> c.label().isEmpty()).count();
        viewModel.labelProperty().set("hate");
        viewModel.apply();
        assertEquals(hate, viewModel.rowsProperty().get().size());
        assertTrue(viewModel.rowsProperty().get().get(0).labels().contains("demo: hate"));

        viewModel.labelProperty().set(null);
        viewModel.unlabeledOnlyProperty().set(true);
        viewModel.apply();
        assertEquals(unlabeled, viewModel.rowsProperty().get().size());
        assertEquals("", viewModel.rowsProperty().get().get(0).labels());

        viewModel.unlabeledOnlyProperty().set(false);
        viewModel.annotatorProperty().set("nobody");
        viewModel.apply();
        assertEquals(0, viewModel.rowsProperty().get().size());

        viewModel.annotatorProperty().set("");
        viewModel.splitProperty().set(Split.TEST);
        viewModel.textProperty().set("ㅋ");
        viewModel.apply();
        List<ItemRowViewModel> found = viewModel.rowsProperty().get();
        assertFalse(found.isEmpty());
        for (ItemRowViewModel row : found) {
            assertEquals("test", row.split());
            assertTrue(row.rowProperty().get().item().text().contains("ㅋ"));
        }
    }
}
