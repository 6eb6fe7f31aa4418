package kcwb.storage.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kcwb.storage.item.NewItem;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void aReopenedRunContinuesItsRowAndDropsWhatCameAfterTheCheckpoint() {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("r.kcwb"))) {
            long project = workspace.projects().create("p", TaskType.SINGLE_LABEL).id();
            RunRepository runs = workspace.runs();
            Run older = runs.start(project, "old", "{}", null, "/runs/a");
            runs.finish(older.id(), RunState.FINISHED, null);
            Run run = runs.start(project, "a", "{}", null, "/runs/a");
            runs.start(project, "b", "{}", null, "/runs/b");
            for (long step = 1; step <= 5; step++) {
                runs.addEvent(run.id(), step, null, "step", "{}");
            }
            runs.addCheckpoint(run.id(), "/runs/a/checkpoint-3", 3, "{}", true);
            runs.addCheckpoint(run.id(), "/runs/a/checkpoint-5", 5, "{}", false);
            runs.finish(run.id(), RunState.INTERRUPTED, "the training process ended without finishing");

            assertEquals(run.id(), runs.findByRunDir(project, "/runs/a").orElseThrow().id(), "the newest run of the folder");
            assertTrue(runs.findByRunDir(project, "/runs/c").isEmpty());
            runs.reopen(run.id(), 3);

            Run reopened = runs.get(run.id()).orElseThrow();
            assertEquals(RunState.RUNNING, reopened.state());
            assertEquals(null, reopened.message());
            assertEquals(null, reopened.finishedAt());
            assertEquals(List.of(1L, 2L, 3L), runs.events(run.id()).stream().map(RunEvent::step).toList());
            assertEquals(List.of(3L), runs.checkpoints(run.id()).stream().map(Checkpoint::step).toList());
        }
    }

    @Test
    void runsRecordEventsCheckpointsWithOneBestAndPredictions() {
        Path file = dir.resolve("w.kcwb");
        long runId;
        try (Workspace workspace = WorkspaceStore.create(file)) {
            Project project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
            long item = workspace.items().insert(project.id(), NewItem.of("댓글"));
            RunRepository runs = workspace.runs();
            Run run = runs.start(project.id(), "run-1", "{\"lr\":5e-5}", "abc123", "/runs/1");
            runId = run.id();
            assertEquals(RunState.RUNNING, run.state());
            runs.setProvenance(runId, "{\"schemaVersion\":1}");
            runs.addEvent(runId, 1, 0.1, "train", "{\"loss\":0.9}");
            runs.addEvent(runId, 2, 0.2, "train", "{\"loss\":0.7}");
            runs.addEvent(runId, 2, null, "eval", "{\"f1\":0.5}");
            runs.addCheckpoint(runId, "/runs/1/ckpt-1", 1, "{\"f1\":0.4}", true);
            runs.addCheckpoint(runId, "/runs/1/ckpt-2", 2, "{\"f1\":0.5}", true);
            runs.finish(runId, RunState.FINISHED, null);
            workspace.predictions().insertAll(List.of(
                    new Prediction(0, runId, item, "kcelectra-ft", "hate", "{\"hate\":0.8,\"none\":0.2}", 0.5),
                    new Prediction(0, null, item, "external", "none", "{\"none\":1.0}", null)));
        }
        try (Workspace workspace = WorkspaceStore.open(file)) {
            RunRepository runs = workspace.runs();
            Run run = runs.get(runId).orElseThrow();
            assertEquals(RunState.FINISHED, run.state());
            assertEquals("{\"schemaVersion\":1}", run.provenanceJson());
            assertTrue(run.finishedAt() != null);
            assertEquals(1, runs.list(run.projectId()).size());
            List<RunEvent> events = runs.events(runId);
            assertEquals(3, events.size());
            assertEquals(null, events.get(2).epoch());
            List<Checkpoint> checkpoints = runs.checkpoints(runId);
            assertFalse(checkpoints.get(0).best());
            assertTrue(checkpoints.get(1).best());
            List<Prediction> predictions = workspace.predictions().forRun(runId);
            assertEquals(1, predictions.size());
            assertEquals(0.5, predictions.getFirst().uncertainty());
            assertEquals(2, workspace.predictions().forItem(predictions.getFirst().itemId()).size());
        }
    }

    @Test
    void latestPerItemTakesEachItemsNewestPredictionMostUncertainFirst() {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("latest.kcwb"))) {
            Project project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
            Project other = workspace.projects().create("other", TaskType.SINGLE_LABEL);
            long sure = workspace.items().insert(project.id(), NewItem.of("확실"));
            long unsure = workspace.items().insert(project.id(), NewItem.of("애매"));
            long unknown = workspace.items().insert(project.id(), NewItem.of("모름"));
            long elsewhere = workspace.items().insert(other.id(), NewItem.of("다른 프로젝트"));
            workspace.predictions().insertAll(List.of(
                    new Prediction(0, null, sure, "old", "hate", "{}", 0.9),
                    new Prediction(0, null, unsure, "old", "none", "{}", 0.1),
                    new Prediction(0, null, elsewhere, "old", "none", "{}", 5.0)));
            workspace.predictions().insertAll(List.of(
                    new Prediction(0, null, sure, "new", "hate", "{}", 0.2),
                    new Prediction(0, null, unsure, "new", "none", "{}", 0.7),
                    new Prediction(0, null, unknown, "new", "none", "{}", null)));

            List<Prediction> latest = workspace.predictions().latestPerItem(project.id());

            assertEquals(List.of(unsure, sure, unknown), latest.stream().map(Prediction::itemId).toList());
            assertTrue(latest.stream().allMatch(p -> p.model().equals("new")), latest.toString());
        }
    }
}
