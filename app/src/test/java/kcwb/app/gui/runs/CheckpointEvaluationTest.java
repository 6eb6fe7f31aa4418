package kcwb.app.gui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.train.TrainRequest;
import kcwb.app.service.train.TrainService;
import kcwb.storage.item.NewItem;
import kcwb.storage.item.Split;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import kcwb.training.train.TrainingConfigBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluate-on-demand on a real tiny run: trained from the GUI's service on a workspace, then a checkpoint of
 * it scored on dev (must reproduce the metrics the run stored for that checkpoint, computed on the same dev
 * rows) and on test (labelled test items, never trained on).
 */
class CheckpointEvaluationTest {
    private static final int TEST_ITEMS = 6;
    @TempDir
    Path dir;
    private WorkspaceSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aCheckpointEvaluatedOnDevReproducesItsStoredMetricsAndTestIsScoredToo() throws IOException {
        Path file = workspace();
        new TrainService().run(new TrainRequest(file, "news", null, null, null, null, null, "tiny", null, "quick",
                (TrainingConfigBuilder b) -> b.optMaxSteps(4).optEvalEverySteps(2).optLoggingSteps(1).optBatchSize(8),
                "kcelectra", dir.resolve("run"), null, 42), List.of(), job -> { });

        session = new WorkspaceSession();
        session.open(file);
        SimpleObjectProperty<Project> current = new SimpleObjectProperty<>(session.call(ws -> ws.projects().require("news")));
        RunsViewModel viewModel = new RunsViewModel(I18n.of(Locale.ENGLISH), new DirectTaskRunner(), session, current,
                Clock.systemUTC());
        viewModel.refresh();
        assertEquals(1, viewModel.rows().size(), viewModel.messageProperty().get());
        viewModel.open(viewModel.rows().getFirst().id());
        CheckpointRow best = viewModel.openedProperty().get().checkpoints().stream().filter(CheckpointRow::best)
                .findFirst().orElseThrow();

        onAnotherThread(() -> viewModel.evaluate(best, Split.DEV)); // as on the app's task-runner worker
        String dev = best.resultProperty().get();
        assertTrue(dev.startsWith("dev (15 comments): accuracy " + RunsViewModel.format(best.metric("accuracy"))
                + " · macro-F1 " + RunsViewModel.format(best.metric("macro_f1"))), dev);
        assertEquals("Checkpoint at step " + best.step() + ": " + dev, viewModel.evaluationResultProperty().get());
        assertFalse(best.evaluatingProperty().get());

        viewModel.evaluate(best, Split.TEST);
        assertTrue(best.resultProperty().get().startsWith("test (" + TEST_ITEMS + " comments): accuracy "),
                best.resultProperty().get());
    }

    @Test
    void aSplitWithoutLabelledItemsIsAnErrorNamingProjectAndSplit() throws IOException {
        session = new WorkspaceSession();
        session.open(workspace());
        long project = session.call(ws -> ws.projects().require("news").id());
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> session.call(ws -> {
                    ws.projects().create("empty", TaskType.SINGLE_LABEL);
                    return CheckpointEvaluation.load(ws, ws.projects().require("empty").id(), 42L, Split.TEST);
                }));
        assertTrue(error.getMessage().contains("'empty' has no labelled test items"), error.getMessage());
        assertEquals(TEST_ITEMS, session.call(ws -> CheckpointEvaluation.load(ws, project, 42L, Split.TEST)).examples().size());
    }

    /** Runs {@code work} on a fresh thread: the app evaluates on a worker, not on the thread that started DJL. */
    private static void onAnotherThread(Runnable work) {
        Thread thread = Thread.ofPlatform().start(work);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Project "news": the 60 test comments in train/dev as the files split them, and 6 dev rows again as test. */
    private Path workspace() throws IOException {
        Path file = dir.resolve("ws.kcwb");
        try (Workspace ws = WorkspaceStore.create(file)) {
            Project project = ws.projects().create("news", TaskType.SINGLE_LABEL);
            List.of("praise", "insult", "neutral").forEach(label -> ws.labels().add(project.id(), label));
            for (String split : List.of("train", "dev")) {
                List<String> lines = lines("/kcwb/app/train/" + split + ".tsv");
                for (String line : lines.subList(1, lines.size())) {
                    add(ws, project, line, Split.fromKey(split));
                }
            }
            List<String> dev = lines("/kcwb/app/train/dev.tsv");
            dev.subList(1, 1 + TEST_ITEMS).forEach(line -> add(ws, project, line, Split.TEST));
        }
        return file;
    }

    private static void add(Workspace ws, Project project, String line, Split split) {
        String[] fields = line.split("\t");
        long id = ws.items().insert(project.id(), new NewItem(fields[1], split.key() + ".tsv", null, null, split, null));
        ws.annotations().save(id, "tester", List.of(fields[2]), null);
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = CheckpointEvaluationTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
