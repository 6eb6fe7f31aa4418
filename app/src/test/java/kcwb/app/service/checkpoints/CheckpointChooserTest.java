package kcwb.app.service.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kcwb.storage.project.TaskType;
import kcwb.storage.run.RunState;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chooser's rule on a real workspace: runs and checkpoint rows in storage, checkpoint folders on disk. */
class CheckpointChooserTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private long project;

    @BeforeEach
    void open() {
        workspace = WorkspaceStore.create(dir.resolve("ws.kcwb"));
        project = workspace.projects().create("news", TaskType.SINGLE_LABEL).id();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    /** A run of {@code projectId} with checkpoint folders at {@code steps} ({@code best} marked), ended in {@code state}. */
    private long run(long projectId, String name, RunState state, long best, long... steps) throws IOException {
        Path runDir = dir.resolve(name);
        long id = workspace.runs().start(projectId, name, "{}", "sha", runDir.toString()).id();
        for (long step : steps) {
            Path folder = Files.createDirectories(runDir.resolve("checkpoint-" + step));
            workspace.runs().addCheckpoint(id, folder.toString(), step, "{\"macro_f1\":0.5}", step == best);
        }
        if (state != RunState.RUNNING) {
            workspace.runs().finish(id, state, null);
        }
        return id;
    }

    private static Path folder(Path dir, String run, long step) {
        return dir.resolve(run).resolve("checkpoint-" + step);
    }

    private static List<String> described(List<RunCheckpoint> checkpoints) {
        return checkpoints.stream().map(RunCheckpoint::describe).toList();
    }

    @Test
    void listsEveryCheckpointNewestRunFirstEachRunByStep() throws IOException {
        run(project, "first", RunState.FINISHED, 4, 2, 4);
        run(project, "second", RunState.FINISHED, 2, 2, 4, 6);
        long other = workspace.projects().create("other", TaskType.SINGLE_LABEL).id();
        run(other, "elsewhere", RunState.FINISHED, 2, 2);

        CheckpointChooser.Choices choices = CheckpointChooser.choices(workspace, project);

        assertEquals(List.of("second / checkpoint-2", "second / checkpoint-4", "second / checkpoint-6",
                "first / checkpoint-2", "first / checkpoint-4"), described(choices.offered()));
        assertTrue(choices.missing().isEmpty());
        assertEquals(folder(dir, "second", 2), choices.preselected().orElseThrow().dir());
    }

    @Test
    void aCheckpointWhoseFolderWasDeletedIsNotOfferedButReportedAsMissing() throws IOException {
        run(project, "run", RunState.FINISHED, 4, 2, 4, 6);
        Files.delete(folder(dir, "run", 4));

        CheckpointChooser.Choices choices = CheckpointChooser.choices(workspace, project);

        assertEquals(List.of("run / checkpoint-2", "run / checkpoint-6"), described(choices.offered()));
        assertEquals(List.of("run / checkpoint-4"), described(choices.missing()));
        assertEquals("run / checkpoint-4", choices.missingText(3));
        assertEquals(folder(dir, "run", 6), choices.preselected().orElseThrow().dir(),
                "the best is gone: the newest checkpoint instead");
    }

    @Test
    void intermediateCheckpointsPrunedByTrainingAreNeitherOfferedNorReported() throws IOException {
        run(project, "run", RunState.FINISHED, 4, 2, 4, 6, 8);
        Files.delete(folder(dir, "run", 2)); // what keep-best does to the checkpoints that are neither best nor last
        Files.delete(folder(dir, "run", 6));

        CheckpointChooser.Choices choices = CheckpointChooser.choices(workspace, project);

        assertEquals(List.of("run / checkpoint-4", "run / checkpoint-8"), described(choices.offered()));
        assertEquals(List.of(), choices.missing());
        assertEquals(folder(dir, "run", 4), choices.preselected().orElseThrow().dir());

        Files.delete(folder(dir, "run", 8)); // the last one is always kept by training: its loss is reported
        assertEquals(List.of("run / checkpoint-8"), described(CheckpointChooser.choices(workspace, project).missing()));
    }

    @Test
    void theBestOfTheNewestFinishedRunWinsOverNewerUnfinishedRuns() throws IOException {
        run(project, "older", RunState.FINISHED, 2, 2, 4);
        run(project, "finished", RunState.FINISHED, 4, 2, 4, 6);
        run(project, "stopped", RunState.CANCELLED, 2, 2, 4);
        run(project, "live", RunState.RUNNING, 2, 2);

        assertEquals(folder(dir, "finished", 4), CheckpointChooser.choices(workspace, project).preselected().orElseThrow().dir());

        Files.delete(folder(dir, "finished", 4)); // its best gone: the best of the next newest finished run
        assertEquals(folder(dir, "older", 2), CheckpointChooser.choices(workspace, project).preselected().orElseThrow().dir());
    }

    @Test
    void withoutAFinishedRunTheNewestCheckpointIsPreselected() throws IOException {
        run(project, "failed", RunState.FAILED, 2, 2, 4);
        run(project, "interrupted", RunState.INTERRUPTED, 2, 2, 4, 6);

        RunCheckpoint preselected = CheckpointChooser.choices(workspace, project).preselected().orElseThrow();

        assertEquals(folder(dir, "interrupted", 6), preselected.dir());
        assertEquals(RunState.INTERRUPTED, preselected.runState());
        assertEquals(6, preselected.step());
    }

    @Test
    void noRunsOrNoFoldersLeftMeansNothingToOfferOrPreselect() throws IOException {
        CheckpointChooser.Choices none = CheckpointChooser.choices(workspace, project);
        assertEquals(List.of(), none.offered());
        assertEquals(List.of(), none.missing());
        assertEquals(Optional.empty(), none.preselected());

        run(project, "empty", RunState.FAILED, -1); // a run that saved no checkpoint
        run(project, "gone", RunState.FINISHED, 2, 2, 4, 6, 8);
        for (long step : new long[] {2, 4, 6, 8}) {
            Files.delete(folder(dir, "gone", step));
        }
        CheckpointChooser.Choices deleted = CheckpointChooser.choices(workspace, project);
        assertEquals(List.of(), deleted.offered());
        assertEquals(Optional.empty(), deleted.preselected());
        assertEquals(List.of("gone / checkpoint-2", "gone / checkpoint-8"), described(deleted.missing()),
                "the best and the last are reported, the pruned ones are not");
        assertEquals("gone / checkpoint-2, …", deleted.missingText(1));
    }
}
