package kcwb.app.service.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kcwb.storage.project.Project;
import kcwb.storage.run.Run;
import kcwb.storage.run.RunEvent;
import kcwb.storage.run.RunState;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import kcwb.training.train.TrainingSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a workspace project records the run; kill -9 mid-run leaves it INTERRUPTED and resumable. */
class WorkspaceTrainingTest {
    @TempDir
    Path tmp;

    static Path workspaceWithComments(Path dir) throws IOException {
        return TrainingFixtures.workspaceWithComments(dir);
    }

    static TrainRequest request(Path workspace, Path out, Path resume, int maxSteps) {
        return TrainingFixtures.request(workspace, out, resume, maxSteps);
    }

    @Test
    void everyEventOfAWorkspaceRunIsPersistedAndPredictionsAreStored() throws IOException {
        Path ws = workspaceWithComments(tmp);
        TrainingSummary summary = new TrainService().run(request(ws, tmp.resolve("run"), null, 4), List.of(), job -> { });
        try (Workspace opened = WorkspaceStore.open(ws)) {
            Project project = opened.projects().require("news");
            Run run = opened.runs().list(project.id()).getFirst();
            assertEquals(RunState.FINISHED, run.state());
            assertTrue(run.provenanceJson().contains("\"recipeId\" : \"kcelectra\""), run.provenanceJson());
            List<RunEvent> events = opened.runs().events(run.id());
            assertEquals("started", events.getFirst().kind());
            assertEquals("finished", events.getLast().kind());
            assertEquals(4, events.stream().filter(e -> e.kind().equals("step")).count());
            assertEquals(2, events.stream().filter(e -> e.kind().equals("eval")).count());
            assertFalse(opened.runs().checkpoints(run.id()).isEmpty());
            assertTrue(opened.runs().checkpoints(run.id()).stream().anyMatch(c -> c.best()));

            int stored = new ModelUseService().predictWorkspace(summary.lastCheckpoint(), opened, "news", run.id());
            assertEquals(4, stored);
        }
    }

    @Test
    void killMinus9DuringTrainingMarksTheRunInterruptedAndItResumes() throws Exception {
        Path ws = workspaceWithComments(tmp);
        Path out = tmp.resolve("killed");
        Process child = childTrain(ws, out, 12);
        try {
            awaitCheckpoint(child, out);
        } finally {
            child.destroyForcibly().waitFor();
        }
        Path checkpoint = RunLiveness.lastCheckpoint(out).orElseThrow();
        long interruptedId;
        try (Workspace opened = WorkspaceStore.open(ws)) {
            assertEquals(1, RunLiveness.markInterrupted(opened));
            Run run = opened.runs().list(opened.projects().require("news").id()).getFirst();
            interruptedId = run.id();
            assertEquals(RunState.INTERRUPTED, run.state());
            assertTrue(run.message().contains("--resume"), run.message());
        }
        long savedStep = Long.parseLong(checkpoint.getFileName().toString().substring("checkpoint-".length()));
        List<kcwb.training.train.TrainingEvent> events = new java.util.ArrayList<>();
        TrainingSummary resumed = new TrainService().run(request(ws, null, checkpoint, 12), List.of(events::add), job -> { });
        var started = (kcwb.training.train.TrainingEvent.Started) events.getFirst();
        assertEquals(savedStep, started.resumedFromStep());
        assertTrue(resumed.steps() > savedStep, "trained on after the checkpoint");
        assertTrue(resumed.reason() != TrainingSummary.StopReason.CANCELLED); // quick preset may stop early
        try (Workspace opened = WorkspaceStore.open(ws)) {
            List<Run> runs = opened.runs().list(opened.projects().require("news").id());
            assertEquals(1, runs.size(), "the resume continues the interrupted run's row: " + runs);
            assertEquals(interruptedId, runs.getFirst().id());
            assertEquals(RunState.FINISHED, runs.getFirst().state(), runs.toString());
            List<Long> stepEvents = opened.runs().events(interruptedId).stream()
                    .filter(e -> e.kind().equals("step")).map(e -> e.step()).toList();
            assertEquals(stepEvents.stream().distinct().toList(), stepEvents,
                    "events the killed process recorded after the checkpoint are replaced, not duplicated");
            assertTrue(opened.runs().events(interruptedId).stream().anyMatch(e -> e.step() > savedStep),
                    "the resumed run records into the same row");
        }
    }

    @Test
    void sigtermDuringTrainingCancelsWithAResumableCheckpoint() throws Exception {
        Path ws = workspaceWithComments(tmp);
        Path out = tmp.resolve("terminated");
        Process child = childTrain(ws, out, 40);
        try {
            awaitCheckpoint(child, out);
            child.destroy(); // SIGTERM, as Ctrl+C's SIGINT: shutdown hooks run
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child did not stop");
        } finally {
            child.destroyForcibly();
        }
        String log = read(tmp.resolve("child.log"));
        assertTrue(log.contains("cancelled at step"), log);
        try (Workspace opened = WorkspaceStore.open(ws)) {
            Run run = opened.runs().list(opened.projects().require("news").id()).getFirst();
            assertEquals(RunState.CANCELLED, run.state(), log);
            Path checkpoint = RunLiveness.lastCheckpoint(out).orElseThrow();
            assertTrue(run.message().contains(checkpoint.getFileName().toString()), run.message());
            assertTrue(kcwb.training.train.TrainingStateStore.isResumable(checkpoint));
        }
    }

    private Process childTrain(Path ws, Path out, int maxSteps) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Dai.djl.offline=true", "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.pytorch.num_threads=1", "-cp", System.getProperty("java.class.path"), "kcwb.app.Main", "train",
                "--workspace", ws.toString(), "--project", "news", "--preset", "tiny", "--max-steps",
                Integer.toString(maxSteps), "--eval-every", "2", "--batch-size", "8", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    }

    private void awaitCheckpoint(Process child, Path out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (RunLiveness.lastCheckpoint(out).isEmpty()) {
            assertTrue(child.isAlive(), () -> "child ended early: " + read(tmp.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, "no checkpoint within 120 s");
            Thread.sleep(100);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
