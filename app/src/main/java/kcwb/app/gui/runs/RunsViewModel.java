package kcwb.app.gui.runs;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.train.RunLiveness;
import kcwb.storage.item.Split;
import kcwb.storage.project.Project;
import kcwb.storage.run.Run;
import kcwb.storage.workspace.Workspace;
import kcwb.training.eval.Evaluation;

/**
 * The runs screen: every stored run of the current project (or of all projects), sorted by a column; one
 * opened run (curves, settings, checkpoints) or two compared; checkpoints evaluated on demand. All storage
 * work goes through the session from background tasks.
 */
public final class RunsViewModel {
    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final WorkspaceSession session;
    private final ObservableValue<Project> currentProject;
    private final Clock clock;
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty allProjects = new SimpleBooleanProperty(false);
    private final ObjectProperty<RunSort> sortKey = new SimpleObjectProperty<>(RunSort.STARTED);
    private final BooleanProperty ascending = new SimpleBooleanProperty(false);
    private final ObjectProperty<RunDetails> opened = new SimpleObjectProperty<>();
    private final ObjectProperty<RunComparison> comparison = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty evaluationResult = new SimpleStringProperty("");
    private Consumer<Path> openInEvaluate = path -> { };
    private Consumer<Path> openInTrain = path -> { };

    public RunsViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session, ObservableValue<Project> currentProject,
            Clock clock) {
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.session = Objects.requireNonNull(session);
        this.currentProject = Objects.requireNonNull(currentProject);
        this.clock = Objects.requireNonNull(clock);
        currentProject.addListener((obs, old, chosen) -> {
            if (chosen != null) {
                reload();
            }
        });
        allProjects.addListener((obs, old, all) -> refresh());
    }

    /** Forgets the opened and compared runs and reads the list again (another workspace or project). */
    public void reload() {
        opened.set(null);
        comparison.set(null);
        refresh();
    }

    /**
     * Reads the runs again (runs whose process died are marked interrupted first, as the CLI does); when no run
     * is open, opens the newest, and an open running run is read again.
     */
    public void refresh() {
        if (session.file().isEmpty()) {
            rows.clear(); // no workspace open (yet)
            return;
        }
        Long projectId = allProjects.get() || currentProject.getValue() == null ? null : currentProject.getValue().id();
        taskRunner.submit(BackgroundTask.of(i18n.get("runs.task.load"), progress -> session.call(ws -> readRows(ws, projectId)))
                .onSuccess(read -> {
                    List<RunRow> sorted = new ArrayList<>(read);
                    sorted.sort(sortKey.get().comparator(ascending.get()));
                    rows.setAll(sorted);
                    message.set(read.isEmpty() ? i18n.get("runs.none") : "");
                    if (opened.get() == null && comparison.get() == null && !read.isEmpty()) {
                        open(read.stream().max(RunSort.STARTED.comparator(true)).orElseThrow().id()); // the newest
                    } else {
                        reopenIfRunning();
                    }
                })
                .onFailure(error -> message.set(i18n.get("runs.error", describe(error)))));
    }

    private List<RunRow> readRows(Workspace workspace, Long projectId) {
        RunLiveness.markInterrupted(workspace);
        Map<Long, String> names = workspace.projects().list().stream().collect(Collectors.toMap(Project::id, Project::name));
        List<RunRow> read = new ArrayList<>();
        for (Project project : workspace.projects().list()) {
            if (projectId != null && project.id() != projectId) {
                continue;
            }
            for (Run run : workspace.runs().list(project.id())) {
                read.add(RunRow.of(run, names.get(run.projectId()), workspace.runs().checkpoints(run.id()), clock.instant()));
            }
        }
        return read;
    }

    /** Cheap polling: refreshes only while a listed run is running (the view calls it every few seconds). */
    public void refreshIfRunning() {
        if (rows.stream().anyMatch(RunRow::running)) {
            refresh();
        }
    }

    private void reopenIfRunning() {
        RunDetails shown = opened.get();
        if (shown != null && shown.row().running()) {
            open(shown.runId());
        }
    }

    /** Orders the rows by {@code key}; a no-op when they already are in that order. */
    public void sortBy(RunSort key, boolean ascendingOrder) {
        sortKey.set(Objects.requireNonNull(key));
        ascending.set(ascendingOrder);
        var comparator = key.comparator(ascendingOrder);
        List<RunRow> sorted = new ArrayList<>(rows);
        sorted.sort(comparator);
        if (!sorted.equals(rows)) {
            rows.setAll(sorted);
        }
    }

    /** Loads run {@code runId}'s curves, settings and checkpoints into {@link #openedProperty()}. */
    public void open(long runId) {
        taskRunner.submit(BackgroundTask.of(i18n.get("runs.task.open"), progress -> session.call(ws -> details(ws, runId)))
                .onSuccess(details -> {
                    opened.set(details);
                    comparison.set(null);
                })
                .onFailure(error -> message.set(i18n.get("runs.error", describe(error)))));
    }

    /** Loads both runs into {@link #comparisonProperty()}: overlaid curves and the settings that differ. */
    public void compare(long runA, long runB) {
        taskRunner.submit(BackgroundTask.of(i18n.get("runs.task.compare"),
                progress -> session.call(ws -> RunComparison.of(details(ws, runA), details(ws, runB))))
                .onSuccess(comparison::set)
                .onFailure(error -> message.set(i18n.get("runs.error", describe(error)))));
    }

    private RunDetails details(Workspace workspace, long runId) {
        Run run = workspace.runs().get(runId).orElseThrow(() -> new IllegalArgumentException("run " + runId + " is gone"));
        String project = workspace.projects().get(run.projectId()).map(Project::name).orElse("?");
        var checkpoints = workspace.runs().checkpoints(runId);
        RunRow row = RunRow.of(run, project, checkpoints, clock.instant());
        return RunDetails.of(row, run, workspace.runs().events(runId), checkpoints);
    }

    /**
     * Evaluates {@code checkpoint} of the opened run on {@code split} in the background: the split is read as
     * training read it, the model loads from the folder; the result lands in the row and the result pane.
     */
    public void evaluate(CheckpointRow checkpoint, Split split) {
        RunDetails run = opened.get();
        if (run == null || checkpoint.evaluatingProperty().get()) {
            return;
        }
        String splitName = i18n.get("runs.split." + split.key());
        checkpoint.evaluatingProperty().set(true);
        checkpoint.resultProperty().set(i18n.get("runs.eval.running", splitName));
        taskRunner.submit(BackgroundTask.of(i18n.get("runs.task.evaluate", checkpoint.folder().getFileName(), splitName),
                progress -> {
                    progress.update(0, 3);
                    progress.message(i18n.get("runs.eval.reading"));
                    var data = session.call(ws -> CheckpointEvaluation.load(ws, run.row().projectId(), run.splitSeed(), split));
                    progress.update(1, 3);
                    progress.message(i18n.get("runs.eval.scoring", data.examples().size()));
                    Evaluation evaluation = CheckpointEvaluation.evaluate(checkpoint.folder(), data);
                    progress.update(3, 3);
                    return evaluation;
                })
                .onSuccess(evaluation -> {
                    String text = i18n.get("runs.eval.result", splitName, evaluation.examples(),
                            format(evaluation.accuracy()), format(evaluation.macroF1()), format(evaluation.loss()));
                    checkpoint.resultProperty().set(text);
                    evaluationResult.set(i18n.get("runs.eval.resultFor", checkpoint.step(), text));
                })
                .onFailure(error -> {
                    checkpoint.resultProperty().set(i18n.get("runs.eval.failed", describe(error)));
                    evaluationResult.set(checkpoint.resultProperty().get());
                })
                .onFinished(() -> checkpoint.evaluatingProperty().set(false)));
    }

    /** Hands the checkpoint to the Evaluate view (the shell shows it). */
    public void openInEvaluateView(CheckpointRow checkpoint) {
        openInEvaluate.accept(checkpoint.folder());
    }

    public void setOnOpenInEvaluate(Consumer<Path> callback) {
        this.openInEvaluate = Objects.requireNonNull(callback);
    }

    /** Hands the checkpoint to the Train view, to resume its run or continue it for more epochs. */
    public void openInTrainView(CheckpointRow checkpoint) {
        openInTrain.accept(checkpoint.folder());
    }

    public void setOnOpenInTrain(Consumer<Path> callback) {
        this.openInTrain = Objects.requireNonNull(callback);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null && error.getMessage() == null ? error.getCause() : error;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    public ObservableList<RunRow> rows() { return rows; }
    public BooleanProperty allProjectsProperty() { return allProjects; }
    public ObjectProperty<RunSort> sortKeyProperty() { return sortKey; }
    public BooleanProperty ascendingProperty() { return ascending; }
    public ObjectProperty<RunDetails> openedProperty() { return opened; }
    public ObjectProperty<RunComparison> comparisonProperty() { return comparison; }
    public StringProperty messageProperty() { return message; }
    public StringProperty evaluationResultProperty() { return evaluationResult; }
    public I18n i18n() { return i18n; }
}
