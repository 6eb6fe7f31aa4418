package kcwb.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import kcwb.app.service.train.EventJson;
import kcwb.training.eval.Evaluation;
import kcwb.training.train.TrainingEvent;
import kcwb.training.train.TrainingListener;

/** Prints training events: one readable line each, or with --json one JSON object per line. */
final class TrainProgressPrinter implements TrainingListener {
    private final PrintWriter out;
    private final boolean json;

    TrainProgressPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        out.println(json ? EventJson.toJson(EventJson.fields(event)) : line(event));
        out.flush();
    }

    static String line(TrainingEvent event) {
        return switch (event) {
            case TrainingEvent.Started s -> String.format(Locale.ROOT,
                    "started on %s (%d threads): %d train / %d dev examples, %d steps (%d per epoch)%s", s.device(),
                    s.threads(), s.trainExamples(), s.devExamples(), s.totalSteps(), s.stepsPerEpoch(),
                    s.resumedFromStep() > 0 ? ", resumed at step " + s.resumedFromStep() : "");
            case TrainingEvent.Step s -> String.format(Locale.ROOT,
                    "step %d  epoch %.2f  loss %.4f  lr %.3g  grad-norm %.3f  %.1f samples/s  ETA %s", s.step(), s.epoch(),
                    s.loss(), s.learningRate(), s.gradNorm(), s.samplesPerSecond(), duration(s.etaSeconds()));
            case TrainingEvent.Eval e -> String.format(Locale.ROOT, "eval  step %d  %s", e.step(), metrics(e.metrics()));
            case TrainingEvent.CheckpointSaved c -> "checkpoint " + c.path() + (c.best() ? "  (best)" : "");
            case TrainingEvent.Finished f -> String.format(Locale.ROOT,
                    "finished (%s) after %d steps in %s, %.1f samples/s; best %s; last %s",
                    f.summary().reason().name().toLowerCase(Locale.ROOT), f.summary().steps(),
                    duration(f.summary().trainSeconds()), f.summary().samplesPerSecond(), f.summary().bestCheckpoint(),
                    f.summary().lastCheckpoint());
            case TrainingEvent.Failed f -> "failed: " + f.message();
            case TrainingEvent.Cancelled c -> "cancelled at step " + c.step() + "; resume with: kcwb train --resume "
                    + c.checkpoint() + " (and the same data options)";
        };
    }

    static String metrics(Evaluation e) {
        String subset = e.multiLabel() ? String.format(Locale.ROOT, "  subset-accuracy %.4f", e.subsetAccuracy()) : "";
        return String.format(Locale.ROOT, "loss %.4f  accuracy %.4f%s  macro-F1 %.4f  micro-F1 %.4f", e.loss(), e.accuracy(),
                subset, e.macroF1(), e.microF1());
    }

    private static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
