package kcwb.app.gui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.project.Project;
import kcwb.storage.run.RunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs screen's logic on a real workspace whose runs were recorded through {@code ws.runs()}. */
class RunsViewModelTest {
    private static final String HASH_A = "aaaa1111bbbb2222cccc3333";
    private static final String HASH_B = "dddd4444eeee5555ffff6666";
    @TempDir
    Path dir;
    private WorkspaceSession session;
    private final SimpleObjectProperty<Project> current = new SimpleObjectProperty<>();
    private RunsViewModel viewModel;
    private long runA;
    private long runB;
    private long slow;

    @BeforeEach
    void workspaceWithRuns() {
        session = new WorkspaceSession();
        session.openOrInit(dir.resolve("runs.kcwb"), ws -> {
            Project news = RunFixtures.project(ws, "news");
            Project other = RunFixtures.project(ws, "other");
            runA = RunFixtures.finishedRun(ws, news.id(), "run-a", 5e-5, HASH_A, 8, 0.60).id();
            runB = RunFixtures.finishedRun(ws, news.id(), "run-b", 1e-4, HASH_B, 8, 0.80).id();
            slow = ws.runs().start(news.id(), "no-checkpoint", "{\"learningRate\":3e-5,\"metricForBest\":\"macro_f1\"}",
                    HASH_A, RunFixtures.noLockFolder(dir).toString()).id(); // RUNNING, but no process holds it
            RunFixtures.finishedRun(ws, other.id(), "elsewhere", 5e-5, HASH_A, 4, 0.5);
            current.set(news);
        });
        viewModel = new RunsViewModel(I18n.of(Locale.ENGLISH), new DirectTaskRunner(), session, current,
                Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
        viewModel.refresh();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void listsTheProjectsRunsWithConfigDatasetAndBestMetric() {
        assertEquals(List.of("no-checkpoint", "run-b", "run-a"), names(), "newest first");
        RunRow a = row("run-a");
        assertEquals(RunState.FINISHED, a.state());
        assertEquals(5e-5, a.learningRate());
        assertEquals(8, a.batchSize());
        assertEquals(kcwb.training.train.TrainingPresets.quick().maxLength(), a.maxLength());
        assertTrue(a.epochs() > 0);
        assertEquals("from-scratch:tiny", a.baseModel());
        assertEquals(HASH_A.substring(0, RunRow.SHORT_HASH), a.datasetHash());
        assertEquals("macro_f1", a.metricName());
        assertEquals(0.60, a.bestMetric(), 1e-9, "the best checkpoint's macro_f1");
        assertTrue(a.duration() != null && !a.duration().isNegative());
        assertNull(row("no-checkpoint").bestMetric());
        assertEquals(slow, viewModel.openedProperty().get().runId(), "the newest run opens by itself");

        viewModel.allProjectsProperty().set(true);
        assertEquals(4, viewModel.rows().size());
        assertEquals("other", row("elsewhere").projectName());
    }

    @Test
    void aRunningRunWithoutALiveProcessIsShownInterrupted() {
        RunRow dead = row("no-checkpoint");
        assertEquals(RunState.INTERRUPTED, dead.state(), "markInterrupted ran before listing, as in the CLI");
        assertTrue(dead.message().contains("no checkpoint was saved"), dead.message());
        assertEquals(slow, dead.id());
    }

    @Test
    void aLiveRunningRunStaysRunningAndPollingPicksUpItsNewSteps() throws Exception {
        Path runDir = dir.resolve("live-run");
        try (var alive = kcwb.app.service.train.RunLiveness.hold(runDir)) {
            long live = session.call(ws -> ws.runs().start(current.get().id(), "live", "{\"metricForBest\":\"macro_f1\"}",
                    HASH_A, runDir.toString()).id());
            viewModel.refresh();
            assertEquals(RunState.RUNNING, row("live").state(), "a process (this one) holds the run folder");
            viewModel.open(live);
            assertEquals(0, viewModel.openedProperty().get().curves().trainLoss().size());
            session.call(ws -> ws.runs().addEvent(live, 1, 0.1, "step", "{\"kind\":\"step\",\"loss\":0.9}"));
            viewModel.refreshIfRunning();
            assertEquals(List.of(new RunCurves.Point(1, 0.9)), viewModel.openedProperty().get().curves().trainLoss(),
                    "the open running run is read again");
        }
    }

    @Test
    void sortsByAnyColumnWithMissingValuesLast() {
        viewModel.sortBy(RunSort.BEST_METRIC, false);
        assertEquals(List.of("run-b", "run-a", "no-checkpoint"), names());
        viewModel.sortBy(RunSort.BEST_METRIC, true);
        assertEquals(List.of("run-a", "run-b", "no-checkpoint"), names());
        viewModel.sortBy(RunSort.LEARNING_RATE, true);
        assertEquals(List.of("no-checkpoint", "run-a", "run-b"), names());
        viewModel.sortBy(RunSort.NAME, false);
        assertEquals(List.of("run-b", "run-a", "no-checkpoint"), names());
        viewModel.refresh();
        assertEquals(List.of("run-b", "run-a", "no-checkpoint"), names(), "a refresh keeps the chosen order");
    }

    @Test
    void opensARunWithCurvesSettingsAndCheckpoints() {
        viewModel.open(runA);
        RunDetails details = viewModel.openedProperty().get();
        assertEquals("run-a", details.row().name());
        assertEquals(8, details.curves().trainLoss().size());
        assertEquals(1.15, details.curves().trainLoss().getFirst().value(), 1e-9);
        assertEquals(8, details.curves().learningRate().size());
        assertEquals(4, details.curves().evalLoss().size());
        assertEquals(List.of(2L, 4L, 6L, 8L), details.curves().evalMetric().stream().map(RunCurves.Point::step).toList());
        assertEquals(0.60, details.curves().evalMetric().getLast().value(), 1e-9);

        List<CheckpointRow> checkpoints = details.checkpoints();
        assertEquals(List.of(2L, 4L, 6L, 8L), checkpoints.stream().map(CheckpointRow::step).toList());
        assertEquals(List.of(false, false, false, true), checkpoints.stream().map(CheckpointRow::best).toList());
        assertEquals(2.0, checkpoints.getLast().epoch());
        assertEquals(0.65, checkpoints.getLast().metric("accuracy"), 1e-9);

        assertEquals("5.0E-5", details.settings().get("learningRate"));
        assertEquals(HASH_A, details.settings().get("dataset.sha256"));
        assertEquals("40", details.settings().get("dataset.rowsPerSplit.train"));
        assertEquals("kcelectra", details.settings().get("cleaning.recipeId"));
        assertTrue(details.provenanceJson().contains("\n"), "pretty-printed");
        assertEquals(42L, details.splitSeed());
    }

    @Test
    void comparesTwoRunsShowingOnlyTheSettingsThatDiffer() {
        viewModel.compare(runA, runB);
        RunComparison comparison = viewModel.comparisonProperty().get();
        assertEquals("run-a", comparison.a().row().name());
        assertEquals("run-b", comparison.b().row().name());
        Map<String, ConfigDiff.Row> diff = comparison.diff().stream()
                .collect(Collectors.toMap(ConfigDiff.Row::key, row -> row));
        assertEquals(java.util.Set.of("learningRate", "dataset.sha256"), diff.keySet());
        assertEquals("5.0E-5", diff.get("learningRate").valueA());
        assertEquals("1.0E-4", diff.get("learningRate").valueB());
        assertEquals(8, comparison.b().curves().trainLoss().size());
    }

    @Test
    void aFailedEvaluationIsShownInTheCheckpointRow() {
        viewModel.open(runA);
        CheckpointRow checkpoint = viewModel.openedProperty().get().checkpoints().getFirst();
        viewModel.evaluate(checkpoint, kcwb.storage.item.Split.TEST);
        assertEquals("Evaluation failed: project 'news' has no labelled test items", checkpoint.resultProperty().get());
        assertEquals(checkpoint.resultProperty().get(), viewModel.evaluationResultProperty().get());
        assertTrue(!checkpoint.evaluatingProperty().get(), "the row can be evaluated again");
    }

    @Test
    void configDiffListsKeysMissingOnEitherSide() {
        var rows = ConfigDiff.of(Map.of("a", "1", "b", "2"), Map.of("a", "1", "c", "3"));
        assertEquals(List.of(new ConfigDiff.Row("b", "2", null), new ConfigDiff.Row("c", null, "3")),
                rows.stream().sorted(java.util.Comparator.comparing(ConfigDiff.Row::key)).toList());
    }

    private List<String> names() {
        return viewModel.rows().stream().map(RunRow::name).toList();
    }

    private RunRow row(String name) {
        return viewModel.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
