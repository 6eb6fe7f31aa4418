package kcwb.app.gui.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskHandle;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.service.LabelingService;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.checkpoints.CheckpointChooser;
import kcwb.app.service.review.AcceptPlan;
import kcwb.app.service.review.AcceptReport;
import kcwb.app.service.review.ModelChoice;
import kcwb.app.service.review.ReviewRow;
import kcwb.app.service.review.ReviewService;
import kcwb.app.service.train.WorkspaceAccess;
import kcwb.app.service.train.WorkspacePredictor;
import kcwb.storage.project.Project;
import kcwb.storage.workspace.Workspace;

/**
 * Predict → review: run a checkpoint over the project's items in the background (progress, cancel), show the
 * predicted items most uncertain first, filter by predicted label, and bulk-accept confident predictions for
 * unlabelled items after a confirmation (undoable as a whole).
 */
public final class ReviewViewModel {
    static final int BATCH = 32; // small batches: cancel answers within one batch even on a base model on CPU
    public static final double DEFAULT_MIN_CONFIDENCE = 0.95;

    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final WorkspaceSession session;
    private final ObservableStringValue annotator;
    private final ObservableValue<Project> chosenProject;
    private final int batchSize;

    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> model = new SimpleObjectProperty<>();
    private final ObjectProperty<WorkspacePredictor.Scope> scope = new SimpleObjectProperty<>(WorkspacePredictor.Scope.UNLABELED);
    private final BooleanProperty predicting = new SimpleBooleanProperty(false);
    private final DoubleProperty predictProgress = new SimpleDoubleProperty(0);
    private TaskHandle predictTask;

    private final ObservableList<ReviewRow> queue = FXCollections.observableArrayList();
    private final FilteredList<ReviewRow> visibleRows = new FilteredList<>(queue);
    private final ObservableList<String> predictedLabels = FXCollections.observableArrayList();
    private final StringProperty labelFilter = new SimpleStringProperty();

    private final DoubleProperty minConfidence = new SimpleDoubleProperty(DEFAULT_MIN_CONFIDENCE);
    private final StringProperty acceptPreview = new SimpleStringProperty("");
    private final ObjectProperty<AcceptPlan> pendingPlan = new SimpleObjectProperty<>();
    private final ObjectProperty<AcceptReport> lastAccept = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    public ReviewViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session, ObservableStringValue annotator,
            ObservableValue<Project> chosenProject) {
        this(i18n, taskRunner, session, annotator, chosenProject, BATCH);
    }

    ReviewViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session, ObservableStringValue annotator,
            ObservableValue<Project> chosenProject, int batchSize) {
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.session = Objects.requireNonNull(session);
        this.annotator = Objects.requireNonNull(annotator);
        this.chosenProject = Objects.requireNonNull(chosenProject);
        this.batchSize = batchSize;
        chosenProject.addListener((obs, old, chosen) -> {
            if (chosen != null) {
                load();
            }
        });
        labelFilter.addListener((obs, old, label) -> visibleRows.setPredicate(
                label == null || label.isEmpty() ? null : row -> row.predictedText().equals(label)));
        minConfidence.addListener((obs, old, value) -> updatePreview());
    }

    /**
     * Reads the project's checkpoints ({@link CheckpointChooser}: its preselection, those whose folder is gone left out
     * and named in the message) and the queue; call when the workspace changes.
     */
    public void load() {
        Long chosenId = chosenProject.getValue() == null ? null : chosenProject.getValue().id();
        run("review.task.load", workspace -> LabelingService.project(workspace, chosenId).map(info -> {
            long id = info.project().id();
            return new Loaded(info.project(), CheckpointChooser.choices(workspace, id), ReviewService.queue(workspace, id));
        }).orElse(null), loaded -> {
            project.set(loaded == null ? null : loaded.project());
            ModelChoice previous = model.get();
            List<ModelChoice> folders = models.stream().filter(choice -> choice.runId() == null).toList();
            CheckpointChooser.Choices found = loaded == null ? CheckpointChooser.Choices.none() : loaded.checkpoints();
            models.setAll(found.offered().stream().map(ModelChoice::of).toList());
            models.addAll(folders); // folders chosen by hand stay on the list
            model.set(previous != null && models.contains(previous) ? previous
                    : found.preselected().map(ModelChoice::of).orElse(folders.isEmpty() ? null : folders.getFirst()));
            showQueue(loaded == null ? List.of() : loaded.queue());
            String missing = found.missing().isEmpty() ? ""
                    : i18n.get("checkpoints.missing", found.missing().size(), found.missingText(3));
            message.set(loaded == null ? i18n.get("review.noProject")
                    : models.isEmpty() ? (i18n.get("review.noCheckpoints") + " " + missing).strip() : missing);
        });
    }

    private record Loaded(Project project, CheckpointChooser.Choices checkpoints, List<ReviewRow> queue) {}

    /** Re-reads the queue (labels may have changed in the labeling view). */
    public void reloadQueue() {
        if (project.get() == null) {
            return;
        }
        long id = project.get().id();
        run("review.task.queue", workspace -> ReviewService.queue(workspace, id), this::showQueue);
    }

    private void showQueue(List<ReviewRow> rows) {
        queue.setAll(rows);
        List<String> labels = rows.stream().map(ReviewRow::predictedText).distinct().sorted().toList();
        predictedLabels.setAll(labels);
        if (labelFilter.get() != null && !labels.contains(labelFilter.get())) {
            labelFilter.set(null);
        }
        updatePreview();
    }

    /** Uses a model folder chosen by hand (not a checkpoint of this workspace). */
    public void useFolder(Path dir) {
        ModelChoice folder = ModelChoice.folder(dir);
        models.add(folder);
        model.set(folder);
    }

    /** Predicts the chosen scope with the chosen model in the background; {@link #cancelPredict()} stops it. */
    public void predict() {
        ModelChoice choice = model.get();
        if (predicting.get()) {
            return;
        }
        if (project.get() == null || choice == null) {
            message.set(i18n.get(choice == null ? "review.chooseModel" : "review.noProject"));
            return;
        }
        long projectId = project.get().id();
        WorkspacePredictor.Scope chosenScope = scope.get();
        predicting.set(true);
        predictProgress.set(0);
        message.set("");
        TaskHandle handle = taskRunner.submit(BackgroundTask.of(i18n.get("review.task.predict", choice.dir().getFileName()),
                progress -> new WorkspacePredictor(batchSize).predict(choice.dir(), WorkspaceAccess.of(session), projectId,
                        chosenScope, choice.runId(), (done, total) -> {
                            progress.update(done, total);
                            progress.message(i18n.get("review.progress", done, total));
                            return !progress.isCancelled();
                        }))
                .onSuccess(outcome -> message.set(i18n.get("review.predicted", outcome.stored())))
                .onCancelled(() -> message.set(i18n.get("review.predictCancelled")))
                .onFailure(error -> message.set(i18n.get("review.error", error.getMessage())))
                .onFinished(() -> {
                    predictProgress.unbind();
                    predicting.set(false);
                    predictTask = null;
                    reloadQueue();
                }));
        if (predicting.get()) { // still running (an inline runner has finished it already)
            predictTask = handle;
            predictProgress.bind(handle.progressProperty());
        }
    }

    public void cancelPredict() {
        if (predictTask != null) {
            predictTask.requestCancel();
        }
    }

    private void updatePreview() {
        double min = minConfidence.get();
        Map<String, Long> perLabel = queue.stream()
                .filter(row -> row.currentLabels().isEmpty() && !row.predicted().isEmpty() && row.confidence() >= min)
                .collect(Collectors.groupingBy(ReviewRow::predictedText, TreeMap::new, Collectors.counting()));
        long total = perLabel.values().stream().mapToLong(Long::longValue).sum();
        acceptPreview.set(total == 0 ? i18n.get("review.accept.none")
                : i18n.get("review.accept.preview", total, formatCounts(perLabel)));
    }

    static String formatCounts(Map<String, ? extends Number> perLabel) {
        return perLabel.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "));
    }

    /** Works out what accepting at the current threshold would write; the view asks to confirm {@link #pendingPlanProperty()}. */
    public void planAccept() {
        double min = minConfidence.get();
        List<ReviewRow> rows = List.copyOf(queue);
        run("review.task.plan", workspace -> ReviewService.planAccept(workspace, rows, min), plan -> {
            if (plan.count() == 0) {
                message.set(i18n.get("review.accept.none"));
            } else {
                pendingPlan.set(plan);
            }
        });
    }

    /** Writes the confirmed plan as the annotator's labels (one transaction) and reports what was written. */
    public void confirmAccept() {
        AcceptPlan plan = pendingPlan.get();
        pendingPlan.set(null);
        String name = annotator.get();
        if (plan == null) {
            return;
        }
        if (name == null || name.isBlank()) {
            message.set(i18n.get("review.needAnnotator"));
            return;
        }
        run("review.task.accept", workspace -> ReviewService.accept(workspace, name, plan), report -> {
            lastAccept.set(report.written().isEmpty() ? null : report);
            message.set(i18n.get("review.accepted", report.written().size(), formatCounts(report.perLabel()),
                    report.skippedLabelled()));
            reloadQueue();
        });
    }

    public void discardPlan() {
        pendingPlan.set(null);
    }

    /** Reverts the last bulk accept (only while it is the annotator's latest change). */
    public void undoAccept() {
        AcceptReport report = lastAccept.get();
        if (report == null || project.get() == null) {
            return;
        }
        long id = project.get().id();
        run("review.task.undo", workspace -> ReviewService.undoAccept(workspace, id, report), undone -> {
            lastAccept.set(null);
            message.set(i18n.get("review.undone", undone));
            reloadQueue();
        });
    }

    private <T> void run(String titleKey, Function<Workspace, T> work, java.util.function.Consumer<T> onResult) {
        taskRunner.submit(BackgroundTask.of(i18n.get(titleKey), progress -> session.call(work))
                .onSuccess(onResult)
                .onFailure(error -> message.set(i18n.get("review.error", error.getMessage()))));
    }

    public ObjectProperty<Project> projectProperty() { return project; }
    public ObservableList<ModelChoice> models() { return models; }
    public ObjectProperty<ModelChoice> modelProperty() { return model; }
    public ObjectProperty<WorkspacePredictor.Scope> scopeProperty() { return scope; }
    public BooleanProperty predictingProperty() { return predicting; }
    public DoubleProperty predictProgressProperty() { return predictProgress; }
    public ObservableList<ReviewRow> queue() { return queue; }
    public ObservableList<ReviewRow> visibleRows() { return visibleRows; }
    public ObservableList<String> predictedLabels() { return predictedLabels; }
    public StringProperty labelFilterProperty() { return labelFilter; }
    public DoubleProperty minConfidenceProperty() { return minConfidence; }
    public StringProperty acceptPreviewProperty() { return acceptPreview; }
    public ObjectProperty<AcceptPlan> pendingPlanProperty() { return pendingPlan; }
    public ObjectProperty<AcceptReport> lastAcceptProperty() { return lastAccept; }
    public StringProperty messageProperty() { return message; }
    public I18n i18n() { return i18n; }
}
