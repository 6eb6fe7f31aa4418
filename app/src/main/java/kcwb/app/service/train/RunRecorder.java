package kcwb.app.service.train;

import kcwb.storage.run.RunRepository;
import kcwb.storage.run.RunState;
import kcwb.training.train.TrainingEvent;
import kcwb.training.train.TrainingListener;

/**
 * Persists EVERY training event of one run into the workspace's run tables (events, checkpoints, final state),
 * so a dashboard can be reopened later. It writes synchronously, so it must be called on the thread that owns
 * the workspace: {@link TrainService} opens a workspace for the run on the training thread for exactly that.
 */
public final class RunRecorder implements TrainingListener {
    private final RunRepository runs;
    private final long runId;

    public RunRecorder(RunRepository runs, long runId) {
        this.runs = runs;
        this.runId = runId;
    }

    /** A failed write is reported and the next events are still recorded (the engine would drop a throwing listener). */
    @Override
    public void onEvent(TrainingEvent event) {
        try {
            record(event);
        } catch (RuntimeException e) {
            System.err.println("kcwb: could not record a " + EventJson.kind(event) + " event of run " + runId + ": " + e.getMessage());
        }
    }

    private void record(TrainingEvent event) {
        var fields = EventJson.fields(event);
        long step = fields.get("step") instanceof Long s ? s : 0L;
        Double epoch = fields.get("epoch") instanceof Double d ? d : null;
        runs.addEvent(runId, step, epoch, EventJson.kind(event), EventJson.toJson(fields));
        switch (event) {
            case TrainingEvent.CheckpointSaved c -> runs.addCheckpoint(runId, c.path().toString(), c.step(),
                    c.metrics() == null ? "{}" : EventJson.toJson(EventJson.metrics(c.metrics())), c.best()); // {}: saved on cancel
            case TrainingEvent.Finished f -> runs.finish(runId, RunState.FINISHED,
                    f.summary().reason().name().toLowerCase(java.util.Locale.ROOT));
            case TrainingEvent.Cancelled c -> runs.finish(runId, RunState.CANCELLED,
                    "cancelled at step " + c.step() + "; resume with: kcwb train --resume " + c.checkpoint());
            case TrainingEvent.Failed f -> runs.finish(runId, RunState.FAILED, f.message());
            default -> { }
        }
    }
}
