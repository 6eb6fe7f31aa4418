package kcwb.app.gui.train;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.train.TrainRequest;
import kcwb.storage.project.Project;
import kcwb.training.finetune.DemoModel;
import kcwb.training.train.TrainingSummary;

/**
 * The Train view's state: the form, the base model, the data split summary, and one run at a time through
 * idle → running → stopping → stopped → (resume) running → finished. The run goes on its own training thread
 * (not the shared {@link TaskRunner}, whose two workers the other views need while a run takes minutes);
 * its events reach the UI through {@link LiveMetrics}, the outcome through {@code uiExecutor}.
 */
public final class TrainViewModel {
    public enum RunState { IDLE, RUNNING, STOPPING, STOPPED, FINISHED, FAILED }

    private static final DateTimeFormatter RUN_FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final WorkspaceSession session;
    private final TrainLauncher launcher;
    private final Executor trainingThread;
    private final Executor uiExecutor;
    private final LiveMetrics live;
    private final TrainForm form;

    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final ObservableList<BaseModelChoice> baseModels = FXCollections.observableArrayList();
    private final ObjectProperty<BaseModelChoice> baseModel = new SimpleObjectProperty<>();
    private final StringProperty outFolder = new SimpleStringProperty("");
    private final StringProperty moreEpochs = new SimpleStringProperty("1");
    private final ReadOnlyObjectWrapper<SplitSummary> splits = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TrainingSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> checkpoint = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canStart;
    private final BooleanBinding canResume;
    private final BooleanBinding canContinue;
    private volatile Runnable cancelRun;
    private volatile boolean stopRequested;

    public TrainViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session, TrainLauncher launcher,
            Executor trainingThread, Executor uiExecutor, LiveMetrics live, Supplier<List<BaseModelChoice>> baseModelChoices) {
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.session = Objects.requireNonNull(session);
        this.launcher = Objects.requireNonNull(launcher);
        this.trainingThread = Objects.requireNonNull(trainingThread);
        this.uiExecutor = Objects.requireNonNull(uiExecutor);
        this.live = Objects.requireNonNull(live);
        this.form = new TrainForm(i18n);
        baseModels.setAll(baseModelChoices.get());
        baseModel.set(baseModels.stream().filter(c -> c.kind() == BaseModelChoice.Kind.SCRATCH).findFirst()
                .orElse(baseModels.isEmpty() ? BaseModelChoice.scratch("tiny") : baseModels.getFirst()));
        project.addListener((obs, old, chosen) -> refreshSplits());
        canStart = Bindings.createBooleanBinding(() -> form.validProperty().get() && !busy() && project.get() != null
                && baseModel.get() != null && !outFolder.get().isBlank(), form.validProperty(), state, project, baseModel, outFolder);
        canResume = Bindings.createBooleanBinding(() -> (state.get() == RunState.STOPPED || state.get() == RunState.FAILED)
                && checkpoint.get() != null, state, checkpoint);
        canContinue = Bindings.createBooleanBinding(() -> (state.get() == RunState.STOPPED || state.get() == RunState.FINISHED)
                && checkpoint.get() != null && parsePositive(moreEpochs.get()) > 0, state, checkpoint, moreEpochs);
    }

    /** The default run folder: {@code <workspace>.runs/<yyyyMMdd-HHmmss>}. */
    public void resetOutFolder() {
        session.file().ifPresent(file -> outFolder.set(
                file.resolveSibling(file.getFileName() + ".runs").resolve(LocalDateTime.now().format(RUN_FOLDER)).toString()));
    }

    /** Reads the chosen project's train/dev/test counts per label in the background. */
    public void refreshSplits() {
        Project chosen = project.get();
        if (chosen == null || session.file().isEmpty()) {
            splits.set(null);
            return;
        }
        taskRunner.submit(BackgroundTask.of(i18n.get("train.task.splits"),
                        work -> session.call(workspace -> SplitSummary.read(workspace, chosen)))
                .onSuccess(splits::set)
                .onFailure(error -> message.set(i18n.get("train.error", error.getMessage()))));
    }

    public void start() {
        if (!canStart.get()) {
            return;
        }
        Path out = Path.of(outFolder.get().strip());
        BaseModelChoice base = baseModel.get();
        TrainRequest request = new TrainRequest(session.file().orElseThrow(), project.get().name(), null, null, null, null,
                base.folder(), base.kind() == BaseModelChoice.Kind.SCRATCH ? base.name() : null, null,
                form.taskPresetProperty().get(), form.overrides(), form.cleaningProperty().get(), out, null,
                form.config().seed());
        live.reset();
        checkpoint.set(null);
        if (base.kind() == BaseModelChoice.Kind.DEMO) {
            TrainRequest demo = withDemoBase(request);
            launch(demo, 0, demo.baseModel());
        } else {
            launch(request, 0, null);
        }
    }

    /**
     * Takes a checkpoint chosen elsewhere (the runs view: a run stopped, interrupted or finished earlier, perhaps in
     * an earlier session) as the one Resume and Continue start from. Ignored while a run is in progress.
     */
    public void adoptCheckpoint(Path chosen) {
        if (chosen == null || busy()) {
            return;
        }
        live.reset();
        summary.set(null);
        checkpoint.set(chosen);
        state.set(RunState.STOPPED);
        Path run = chosen.getParent();
        message.set(i18n.get("train.adopted", (run == null ? "" : run.getFileName() + "/") + chosen.getFileName()));
    }

    /** Continues the stopped run from its last checkpoint. */
    public void resume() {
        if (canResume.get()) {
            launch(resumeRequest(), 0, null);
        }
    }

    /** Trains the stopped or finished run for N more epochs. */
    public void continueMoreEpochs() {
        if (canContinue.get()) {
            launch(resumeRequest(), parsePositive(moreEpochs.get()), null);
        }
    }

    /** Asks the run to stop after the current step; it saves a resumable checkpoint. */
    public void stop() {
        if (state.get() != RunState.RUNNING) {
            return;
        }
        state.set(RunState.STOPPING);
        message.set(i18n.get("train.stopping"));
        stopRequested = true;
        Runnable cancel = cancelRun;
        if (cancel != null) {
            cancel.run();
        }
    }

    private TrainRequest resumeRequest() {
        return new TrainRequest(session.file().orElseThrow(), project.get().name(), null, null, null, null, null, null,
                null, null, null, null, null, checkpoint.get(), form.config() == null ? 42 : form.config().seed());
    }

    /** The demo model is extracted into the run folder on the training thread, then used like any HF folder. */
    private static TrainRequest withDemoBase(TrainRequest r) {
        return new TrainRequest(r.workspace(), r.project(), null, null, null, null, r.outDir().resolve("base-model"), null,
                null, r.taskPreset(), r.overrides(), r.cleaning(), r.outDir(), null, r.splitSeed());
    }

    /** @param demoBase where to extract the shipped demo model before training, or null */
    private void launch(TrainRequest request, int more, Path demoBase) {
        state.set(RunState.RUNNING);
        message.set(i18n.get(request.resumeFrom() == null ? "train.started" : more > 0 ? "train.continuing" : "train.resuming"));
        summary.set(null);
        stopRequested = false;
        cancelRun = null;
        live.runStarted();
        trainingThread.execute(() -> {
            try {
                if (demoBase != null) {
                    DemoModel.extractTo(demoBase);
                }
                TrainingSummary result = launcher.launch(request, more, live.listener(), cancel -> {
                    cancelRun = cancel;
                    if (stopRequested) {
                        cancel.run();
                    }
                });
                uiExecutor.execute(() -> ended(result, null));
            } catch (Exception | LinkageError e) {
                uiExecutor.execute(() -> ended(null, e));
            }
        });
    }

    private void ended(TrainingSummary result, Throwable error) {
        live.flush();
        cancelRun = null;
        if (error != null) {
            message.set(i18n.get("train.error", String.valueOf(error.getMessage())));
            if (live.lastCheckpointProperty().get() != null) {
                checkpoint.set(live.lastCheckpointProperty().get());
            }
            state.set(RunState.FAILED);
            return;
        }
        summary.set(result);
        checkpoint.set(result.lastCheckpoint());
        if (result.reason() == TrainingSummary.StopReason.CANCELLED) {
            message.set(i18n.get("train.stopped", result.steps(), folderName(result.lastCheckpoint())));
            state.set(RunState.STOPPED);
        } else {
            message.set(TrainSummaryText.of(i18n, result, live.metricNameProperty().get()));
            resetOutFolder();
            state.set(RunState.FINISHED);
        }
    }

    private static String folderName(Path path) {
        return path == null ? "–" : path.getFileName().toString();
    }

    private boolean busy() {
        return state.get() == RunState.RUNNING || state.get() == RunState.STOPPING;
    }

    static int parsePositive(String text) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            return value >= 1 && value <= 1000 ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Training or stopping: the window asks before closing. */
    public boolean isBusy() {
        return busy();
    }

    public I18n i18n() { return i18n; }
    public TrainForm form() { return form; }
    public LiveMetrics live() { return live; }
    public ObjectProperty<Project> projectProperty() { return project; }
    public ObservableList<BaseModelChoice> baseModels() { return baseModels; }
    public ObjectProperty<BaseModelChoice> baseModelProperty() { return baseModel; }
    public StringProperty outFolderProperty() { return outFolder; }
    public StringProperty moreEpochsProperty() { return moreEpochs; }
    public ReadOnlyObjectProperty<SplitSummary> splitsProperty() { return splits.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RunState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TrainingSummary> summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> checkpointProperty() { return checkpoint.getReadOnlyProperty(); }
    public BooleanBinding canStartProperty() { return canStart; }
    public BooleanBinding canResumeProperty() { return canResume; }
    public BooleanBinding canContinueProperty() { return canContinue; }
}
