package kcwb.app.gui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.evaluate.EvaluationSplit;
import kcwb.app.service.evaluate.ItemResult;
import kcwb.app.service.train.TrainingFixtures;
import kcwb.storage.project.Project;
import kcwb.storage.run.Checkpoint;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate view model on a real workspace with a REAL tiny checkpoint (trained once for the class). */
class EvaluateViewModelTest {
    @TempDir
    static Path trained;
    static Path template;
    static Path bestCheckpoint;

    @TempDir
    Path dir;
    private WorkspaceSession session;
    private DirectTaskRunner runner;
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> requested = new SimpleObjectProperty<>();
    private final List<Long> opened = new ArrayList<>();
    private EvaluateViewModel viewModel;

    @BeforeAll
    static void trainTinyModel() throws IOException {
        template = TrainingFixtures.workspaceWithComments(trained);
        TrainingFixtures.trainTiny(template, trained.resolve("run"), 4);
        try (Workspace ws = WorkspaceStore.open(template)) {
            long runId = ws.runs().list(ws.projects().require(TrainingFixtures.PROJECT).id()).getFirst().id();
            bestCheckpoint = Path.of(ws.runs().checkpoints(runId).stream().filter(Checkpoint::best).findFirst()
                    .orElseThrow().path());
        }
    }

    @BeforeEach
    void open() throws IOException {
        Path copy = dir.resolve("ws.kcwb");
        Files.copy(template, copy); // every test starts without a previous evaluation
        session = new WorkspaceSession();
        session.open(copy);
        runner = new DirectTaskRunner();
        viewModel = new EvaluateViewModel(I18n.of(Locale.ENGLISH), runner, session, project, requested, opened::add);
        viewModel.refreshChoices();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void preselectsTheBestCheckpointOfTheNewestRun() {
        assertFalse(viewModel.choices().isEmpty());
        assertEquals(bestCheckpoint, viewModel.selectedModelProperty().get().dir());
        assertTrue(viewModel.selectedModelProperty().get().display().contains("best"), viewModel.selectedModelProperty().get().display());
        assertEquals(EvaluationSplit.DEV, viewModel.splitProperty().get());
    }

    @Test
    void aRequestedCheckpointOrFolderIsPreselected() {
        Path other = viewModel.choices().stream().map(EvaluateViewModel.ModelChoice::dir)
                .filter(p -> !p.equals(bestCheckpoint)).findFirst().orElse(bestCheckpoint);
        requested.set(other);
        assertEquals(other, viewModel.selectedModelProperty().get().dir());
        Path folder = dir.resolve("some-export");
        requested.set(folder);
        assertEquals(folder.toAbsolutePath(), viewModel.selectedModelProperty().get().dir());
        assertTrue(viewModel.selectedModelProperty().get().folder());
        viewModel.refreshChoices(); // reloading the checkpoints keeps the requested folder selected
        assertEquals(folder.toAbsolutePath(), viewModel.selectedModelProperty().get().dir());
    }

    @Test
    void aRequestMadeBeforeTheViewExistsIsHonouredAndAChoiceSurvivesAReload() {
        Path folder = dir.resolve("exported");
        requested.set(folder);
        EvaluateViewModel fresh = new EvaluateViewModel(I18n.of(Locale.ENGLISH), runner, session, project, requested, opened::add);
        fresh.refreshChoices();
        assertEquals(folder.toAbsolutePath(), fresh.selectedModelProperty().get().dir());
        fresh.selectedModelProperty().set(fresh.choices().stream().filter(c -> c.dir().equals(bestCheckpoint)).findFirst().orElseThrow());
        fresh.refreshChoices();
        assertEquals(bestCheckpoint, fresh.selectedModelProperty().get().dir(), "the user's pick is kept");
    }

    @Test
    void clickingACellListsExactlyThatCellsItems() {
        viewModel.evaluate();
        var outcome = viewModel.outcomeProperty().get();
        assertNotNull(outcome, viewModel.messageProperty().get());
        long[][] confusion = outcome.evaluation().metrics().confusion();
        List<String> labels = outcome.evaluation().labels();
        long[][] counted = new long[labels.size()][labels.size()];
        outcome.evaluation().items().forEach(r ->
                counted[labels.indexOf(r.gold().getFirst())][labels.indexOf(r.predicted().getFirst())]++);
        assertTrue(java.util.Arrays.deepEquals(counted, confusion), "matrix = a count of the item predictions");
        for (int g = 0; g < labels.size(); g++) {
            for (int p = 0; p < labels.size(); p++) {
                viewModel.selectCell(g, p);
                assertEquals(new EvaluateViewModel.Cell(g, p), viewModel.selectedCellProperty().get());
                assertEquals(confusion[g][p], viewModel.cellItems().size(), labels.get(g) + " → " + labels.get(p));
                for (ItemResult r : viewModel.cellItems()) {
                    assertEquals(List.of(labels.get(g)), r.gold());
                    assertEquals(List.of(labels.get(p)), r.predicted());
                }
            }
        }
    }

    @Test
    void errorsAreListedMostConfidentFirstAndFixLabelOpensTheItem() {
        viewModel.evaluate();
        List<ItemResult> errors = List.copyOf(viewModel.misclassified());
        assertFalse(errors.isEmpty(), "a 4-step tiny model errs on the dev set");
        long wrong = viewModel.outcomeProperty().get().evaluation().items().stream().filter(r -> !r.correct()).count();
        assertEquals(wrong, errors.size());
        for (int i = 1; i < errors.size(); i++) {
            assertTrue(errors.get(i - 1).confidence() >= errors.get(i).confidence(), "sorted at " + i);
        }
        viewModel.fixLabel(errors.getFirst());
        assertEquals(List.of(errors.getFirst().itemId()), opened);
    }

    @Test
    void afterRelabellingTheNextEvaluationShowsTheDeltas() {
        viewModel.evaluate();
        var first = viewModel.outcomeProperty().get();
        assertTrue(first.deltas().isEmpty());
        assertTrue(viewModel.classRows().stream().allMatch(r -> r.deltaF1() == null));
        ItemResult error = viewModel.misclassified().getFirst();
        session.call(ws -> {
            ws.annotations().save(error.itemId(), "tester", error.predicted(), null);
            return null;
        });
        viewModel.evaluate();
        var second = viewModel.outcomeProperty().get();
        int n = second.evaluation().items().size();
        assertEquals(1.0 / n, second.deltas().orElseThrow().accuracy(), 1e-9);
        assertEquals(first.current(), second.previous());
        for (EvaluateViewModel.ClassRow row : viewModel.classRows()) {
            assertEquals(second.current().f1().get(row.label()) - first.current().f1().get(row.label()), row.deltaF1(), 1e-12);
        }
        String summary = EvaluateFormat.summary(I18n.of(Locale.ENGLISH), second);
        assertTrue(summary.contains("(" + EvaluateFormat.delta(1.0 / n) + ")"), summary);
    }

    @Test
    void cancellingLeavesNoResultAndSaysSo() {
        runner.cancelNextTasks(true);
        viewModel.evaluate();
        assertNull(viewModel.outcomeProperty().get());
        assertEquals("Evaluation cancelled.", viewModel.messageProperty().get());
        assertFalse(viewModel.busyProperty().get());
    }

    @Test
    void aFolderThatIsNoModelIsReportedNotThrown() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("not-a-model"));
        viewModel.select(empty);
        viewModel.evaluate();
        assertNull(viewModel.outcomeProperty().get());
        assertTrue(viewModel.messageProperty().get().startsWith("Evaluation failed: "), viewModel.messageProperty().get());
        assertTrue(viewModel.messageProperty().get().contains("not-a-model"), viewModel.messageProperty().get());
        assertFalse(viewModel.busyProperty().get());
    }

    @Test
    void deltasAreSignedWithFourDecimals() {
        assertEquals("+0.0450", EvaluateFormat.delta(0.045));
        assertEquals("−0.0120", EvaluateFormat.delta(-0.012));
        assertEquals("±0.0000", EvaluateFormat.delta(-0.00001));
        assertEquals("", EvaluateFormat.delta(null));
    }
}
