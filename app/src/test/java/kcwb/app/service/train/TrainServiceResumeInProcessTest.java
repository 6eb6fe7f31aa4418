package kcwb.app.service.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import kcwb.training.finetune.FineTuneJob;
import kcwb.training.train.TrainingEvent;
import kcwb.training.train.TrainingSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stop, then resume on another thread in the same process (the Train view's path); a max-steps run cannot get more epochs. */
class TrainServiceResumeInProcessTest {
    @TempDir
    Path tmp;

    @Test
    void aRunCancelledInThisProcessResumesOnAnotherThread() throws Exception {
        Path ws = WorkspaceTrainingTest.workspaceWithComments(tmp);
        Path out = tmp.resolve("run");
        AtomicReference<FineTuneJob> job = new AtomicReference<>();
        TrainingSummary stopped = new TrainService().run(WorkspaceTrainingTest.request(ws, out, null, 12), List.of(event -> {
            if (event instanceof TrainingEvent.Step step && step.step() == 3) {
                job.get().cancel();
            }
        }), job::set);
        assertEquals(TrainingSummary.StopReason.CANCELLED, stopped.reason());
        assertEquals(3, stopped.steps());

        List<TrainingEvent> events = new ArrayList<>();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread other = new Thread(() -> {   // the Train view resumes on a new training thread
            try {
                outcome.set(new TrainService().run(WorkspaceTrainingTest.request(ws, null, stopped.lastCheckpoint(), 12),
                        List.of(events::add), prepared -> { }));
            } catch (Exception | Error e) {
                outcome.set(e);
            }
        });
        other.start();
        other.join();
        if (outcome.get() instanceof Throwable error) {
            throw new AssertionError("resume on another thread failed: " + error, error);
        }
        TrainingSummary resumed = (TrainingSummary) outcome.get();
        assertEquals(3, ((TrainingEvent.Started) events.getFirst()).resumedFromStep());
        assertTrue(resumed.steps() > 3, "trained on after the checkpoint: " + resumed);

        var limited = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new TrainService()
                .continueRun(WorkspaceTrainingTest.request(ws, null, resumed.lastCheckpoint(), 12), 2, List.of(), prepared -> { }));
        assertTrue(limited.getMessage().contains("limited to 12 steps"), limited.getMessage());
    }
}
