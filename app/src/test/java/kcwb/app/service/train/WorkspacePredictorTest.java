package kcwb.app.service.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kcwb.storage.run.Checkpoint;
import kcwb.storage.run.Prediction;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WorkspacePredictor on a real tiny checkpoint: scope, progress after every batch, and stopping mid-run. */
class WorkspacePredictorTest {
    @TempDir
    Path dir;

    private static Checkpoint best(Workspace workspace, long projectId) {
        long run = workspace.runs().list(projectId).getFirst().id();
        return workspace.runs().checkpoints(run).stream().filter(Checkpoint::best).findFirst().orElseThrow();
    }

    @Test
    void predictsTheScopeInBatchesReportingEachStoredBatch() throws IOException {
        try (Workspace workspace = WorkspaceStore.open(TrainedWorkspace.copyInto(dir))) {
            long project = workspace.projects().require("news").id();
            Checkpoint checkpoint = best(workspace, project);
            List<Long> reported = new ArrayList<>();
            WorkspacePredictor.Outcome unlabelled = new WorkspacePredictor(5).predict(Path.of(checkpoint.path()),
                    WorkspaceAccess.of(workspace), project, WorkspacePredictor.Scope.UNLABELED, checkpoint.runId(),
                    (done, total) -> reported.add(done) && total == TrainedWorkspace.UNLABELLED);

            assertEquals(new WorkspacePredictor.Outcome(TrainedWorkspace.UNLABELLED, TrainedWorkspace.UNLABELLED, false),
                    unlabelled);
            assertEquals(reported.getLast(), (long) TrainedWorkspace.UNLABELLED);
            assertTrue(reported.size() >= TrainedWorkspace.UNLABELLED / 5, reported.toString());
            List<Prediction> stored = workspace.predictions().forRun(checkpoint.runId());
            assertEquals(TrainedWorkspace.UNLABELLED, stored.size());
            assertTrue(stored.stream().allMatch(p -> workspace.items().get(p.itemId()).orElseThrow().annotationCount() == 0));
            assertTrue(stored.stream().allMatch(p -> p.uncertainty() != null && p.probabilitiesJson().contains(p.label())));

            WorkspacePredictor.Outcome all = new WorkspacePredictor(64).predict(Path.of(checkpoint.path()),
                    WorkspaceAccess.of(workspace), project, WorkspacePredictor.Scope.ALL, null, WorkspacePredictor.Progress.NONE);
            assertEquals(TrainedWorkspace.LABELLED + TrainedWorkspace.UNLABELLED, all.stored());
        }
    }

    @Test
    void answeringFalseStopsAfterThatBatchAndKeepsWhatWasStored() throws IOException {
        try (Workspace workspace = WorkspaceStore.open(TrainedWorkspace.copyInto(dir))) {
            long project = workspace.projects().require("news").id();
            Checkpoint checkpoint = best(workspace, project);
            WorkspacePredictor.Outcome outcome = new WorkspacePredictor(3).predict(Path.of(checkpoint.path()),
                    WorkspaceAccess.of(workspace), project, WorkspacePredictor.Scope.ALL, checkpoint.runId(), (done, total) -> false);

            assertTrue(outcome.cancelled());
            assertEquals(3, outcome.stored());
            assertEquals(3, workspace.predictions().forRun(checkpoint.runId()).size());
        }
    }

    @Test
    void aModelWhoseLabelsTheProjectLacksIsRefusedBeforeAnythingIsStored() throws IOException {
        try (Workspace workspace = WorkspaceStore.open(TrainedWorkspace.copyInto(dir))) {
            long project = workspace.projects().require("news").id();
            Checkpoint checkpoint = best(workspace, project);
            long other = workspace.projects().create("other", kcwb.storage.project.TaskType.SINGLE_LABEL).id();
            workspace.labels().add(other, "praise");
            workspace.items().insert(other, kcwb.storage.item.NewItem.of("좋아요"));
            var error = assertThrows(IllegalArgumentException.class, () -> new WorkspacePredictor(8).predict(
                    Path.of(checkpoint.path()), WorkspaceAccess.of(workspace), other, WorkspacePredictor.Scope.ALL, null,
                    WorkspacePredictor.Progress.NONE));
            assertTrue(error.getMessage().contains("are not the project's"), error.getMessage());
            assertFalse(workspace.predictions().forItem(workspace.items().page(other, 0, 1).getFirst().id()).iterator().hasNext());
        }
    }

    /** Regression: PyTorch's grad mode is per thread and on in a fresh one (the GUI's workers); loading must not fail. */
    @Test
    void predictsOnAFreshThreadAsTheGuiWorkersDo() throws Exception {
        try (Workspace workspace = WorkspaceStore.open(TrainedWorkspace.copyInto(dir))) {
            long project = workspace.projects().require("news").id();
            Checkpoint checkpoint = best(workspace, project);
            var result = new java.util.concurrent.CompletableFuture<WorkspacePredictor.Outcome>();
            Thread worker = new Thread(() -> {
                try {
                    result.complete(new WorkspacePredictor(8).predict(Path.of(checkpoint.path()), WorkspaceAccess.of(workspace),
                            project, WorkspacePredictor.Scope.UNLABELED, null, WorkspacePredictor.Progress.NONE));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            worker.start();
            assertEquals(TrainedWorkspace.UNLABELLED, result.get(120, java.util.concurrent.TimeUnit.SECONDS).stored());
        }
    }
}
