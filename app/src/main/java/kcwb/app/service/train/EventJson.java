package kcwb.app.service.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import kcwb.training.eval.Evaluation;
import kcwb.training.train.TrainingEvent;

/** A {@link TrainingEvent} as one flat JSON object: {@code kind} plus its fields (what --json prints and runs store). */
public final class EventJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {}

    /** started, step, eval, checkpoint, finished, failed, cancelled. */
    public static String kind(TrainingEvent event) {
        return switch (event) {
            case TrainingEvent.Started s -> "started";
            case TrainingEvent.Step s -> "step";
            case TrainingEvent.Eval e -> "eval";
            case TrainingEvent.CheckpointSaved c -> "checkpoint";
            case TrainingEvent.Finished f -> "finished";
            case TrainingEvent.Failed f -> "failed";
            case TrainingEvent.Cancelled c -> "cancelled";
        };
    }

    public static Map<String, Object> fields(TrainingEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind(event));
        switch (event) {
            case TrainingEvent.Started s -> {
                m.put("device", s.device());
                m.put("threads", s.threads());
                m.put("train_examples", s.trainExamples());
                m.put("dev_examples", s.devExamples());
                m.put("steps_per_epoch", s.stepsPerEpoch());
                m.put("total_steps", s.totalSteps());
                m.put("resumed_from_step", s.resumedFromStep());
            }
            case TrainingEvent.Step s -> {
                m.put("step", s.step());
                m.put("epoch", s.epoch());
                m.put("loss", s.loss());
                m.put("learning_rate", s.learningRate());
                m.put("grad_norm", s.gradNorm());
                m.put("samples_per_second", s.samplesPerSecond());
                m.put("eta_seconds", s.etaSeconds());
            }
            case TrainingEvent.Eval e -> {
                m.put("step", e.step());
                m.put("epoch", e.epoch());
                m.put("metrics", metrics(e.metrics()));
            }
            case TrainingEvent.CheckpointSaved c -> {
                m.put("step", c.step());
                m.put("path", c.path().toString());
                m.put("best", c.best());
                m.put("metrics", c.metrics() == null ? null : metrics(c.metrics()));
            }
            case TrainingEvent.Finished f -> {
                m.put("reason", f.summary().reason().name().toLowerCase(java.util.Locale.ROOT));
                m.put("step", f.summary().steps());
                m.put("best_checkpoint", f.summary().bestCheckpoint() == null ? null : f.summary().bestCheckpoint().toString());
                m.put("last_checkpoint", f.summary().lastCheckpoint() == null ? null : f.summary().lastCheckpoint().toString());
                m.put("train_seconds", f.summary().trainSeconds());
                m.put("samples_per_second", f.summary().samplesPerSecond());
                m.put("best_metrics", f.summary().bestMetrics() == null ? null : metrics(f.summary().bestMetrics()));
            }
            case TrainingEvent.Failed f -> m.put("message", f.message());
            case TrainingEvent.Cancelled c -> {
                m.put("step", c.step());
                m.put("checkpoint", c.checkpoint() == null ? null : c.checkpoint().toString());
            }
        }
        return m;
    }

    public static Map<String, Object> metrics(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>(new java.util.TreeMap<>(e.headline()));
        m.put("examples", e.examples());
        m.put("per_class", e.perClass());
        m.put("confusion", e.confusion());
        return m;
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }
}
