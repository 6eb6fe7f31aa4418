package kcwb.app.gui.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.UiThrottle;
import kcwb.training.train.TrainingEvent;
import kcwb.training.train.TrainingListener;

/**
 * Turns engine events (training thread, up to thousands a second) into UI state: every event is kept and
 * delivered in batches at most ~10 times a second on the UI executor ({@link UiThrottle#batching}), where the
 * batch is appended to the charts ({@link ChartFeed}) and the labels are set from its newest values.
 */
public final class LiveMetrics {
    /** The dashboard's series; the view maps each to a chart series. */
    public enum Series { TRAIN_LOSS, EVAL_LOSS, EVAL_METRIC, LEARNING_RATE }

    /** Where points go (the view's charts; a recorder in tests). Called on the UI thread. */
    public interface ChartFeed {
        void append(Series series, long step, double value);

        void clear();
    }

    private final I18n i18n;
    private final LongSupplier clock;
    private final UiThrottle<TrainingEvent> events;
    private ChartFeed feed = new ChartFeed() {
        @Override
        public void append(Series series, long step, double value) {}

        @Override
        public void clear() {}
    };

    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper throughput = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper metricName = new ReadOnlyStringWrapper("macro_f1");
    private final ReadOnlyStringWrapper lastEval = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> lastCheckpoint = new ReadOnlyObjectWrapper<>();
    private long trainLossPoints;
    private long startedNanos;
    private long totalSteps;

    /** Production: batches on the FX thread, at most one per {@link UiThrottle#DEFAULT_INTERVAL}. */
    public LiveMetrics(I18n i18n) {
        this.i18n = i18n;
        this.clock = System::nanoTime;
        this.events = UiThrottle.batching(UiThrottle.DEFAULT_INTERVAL, this::apply);
    }

    /** Tests: an explicit scheduler, UI executor and clock. */
    LiveMetrics(I18n i18n, UiThrottle.Scheduler scheduler, Executor uiExecutor, LongSupplier clock) {
        this.i18n = i18n;
        this.clock = clock;
        this.events = UiThrottle.batching(UiThrottle.DEFAULT_INTERVAL, scheduler, uiExecutor, this::apply);
    }

    public void setFeed(ChartFeed feed) {
        this.feed = feed;
    }

    /** The engine listener: any thread, never blocks. */
    public TrainingListener listener() {
        return events::offer;
    }

    /** A new run (not a resume): charts and labels start empty. UI thread. */
    public void reset() {
        feed.clear();
        trainLossPoints = 0;
        progress.set(0);
        for (ReadOnlyStringWrapper text : List.of(stepText, throughput, elapsed, eta, device, lastEval)) {
            text.set("");
        }
        lastCheckpoint.set(null);
    }

    /** Starts the elapsed clock (a start or a resume). UI thread. */
    public void runStarted() {
        startedNanos = clock.getAsLong();
        eta.set("");
    }

    /** Delivers what is pending now (the run ended). UI thread. */
    public void flush() {
        events.flushNow();
    }

    private void apply(List<TrainingEvent> batch) {
        TrainingEvent.Step lastStep = null;
        for (TrainingEvent event : batch) {
            switch (event) {
                case TrainingEvent.Started s -> started(s);
                case TrainingEvent.Step s -> {
                    feed.append(Series.TRAIN_LOSS, s.step(), s.loss());
                    feed.append(Series.LEARNING_RATE, s.step(), s.learningRate());
                    trainLossPoints++;
                    lastStep = s;
                }
                case TrainingEvent.Eval e -> {
                    feed.append(Series.EVAL_LOSS, e.step(), e.metrics().loss());
                    feed.append(Series.EVAL_METRIC, e.step(), e.metrics().metric(metricName.get()));
                    lastEval.set(i18n.get("train.lastEval", e.step(), number(e.metrics().loss()), metricName.get(),
                            number(e.metrics().metric(metricName.get()))));
                }
                case TrainingEvent.CheckpointSaved c -> lastCheckpoint.set(c.path());
                case TrainingEvent.Cancelled c -> lastCheckpoint.set(c.checkpoint());
                case TrainingEvent.Finished f -> {
                    if (f.summary().lastCheckpoint() != null) {
                        lastCheckpoint.set(f.summary().lastCheckpoint());
                    }
                }
                case TrainingEvent.Failed f -> { }
            }
        }
        if (lastStep != null) {
            showStep(lastStep);
        }
        elapsed.set(i18n.get("train.elapsed", duration((clock.getAsLong() - startedNanos) / 1e9)));
    }

    private void started(TrainingEvent.Started s) {
        totalSteps = s.totalSteps();
        String metric = s.config().metricForBest();
        metricName.set("loss".equals(metric) ? "accuracy" : metric);
        device.set(s.device().startsWith("gpu")
                ? i18n.get("train.device.gpu", s.device().replaceAll("\\D", ""))
                : i18n.get("train.device.cpu", s.threads()));
        stepText.set(i18n.get("train.step", s.resumedFromStep(), totalSteps));
        progress.set(totalSteps == 0 ? 0 : (double) s.resumedFromStep() / totalSteps);
    }

    private void showStep(TrainingEvent.Step s) {
        progress.set(totalSteps == 0 ? 0 : Math.min(1, (double) s.step() / totalSteps));
        stepText.set(i18n.get("train.step", s.step(), totalSteps));
        throughput.set(i18n.get("train.throughput", String.format(Locale.ROOT, "%.1f", s.samplesPerSecond())));
        eta.set(i18n.get("train.eta", duration(s.etaSeconds())));
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** How many training-loss points reached the charts: tests wait on it. */
    public long trainLossPoints() {
        return trainLossPoints;
    }

    /** How many batches were delivered: tests check the rate. */
    public long deliveries() {
        return events.deliveries();
    }

    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stepTextProperty() { return stepText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty throughputProperty() { return throughput.getReadOnlyProperty(); }
    public ReadOnlyStringProperty elapsedProperty() { return elapsed.getReadOnlyProperty(); }
    public ReadOnlyStringProperty etaProperty() { return eta.getReadOnlyProperty(); }
    public ReadOnlyStringProperty deviceProperty() { return device.getReadOnlyProperty(); }
    public ReadOnlyStringProperty metricNameProperty() { return metricName.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastEvalProperty() { return lastEval.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> lastCheckpointProperty() { return lastCheckpoint.getReadOnlyProperty(); }
}
