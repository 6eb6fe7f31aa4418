package kcwb.app.gui.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskHandle;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.checkpoints.CheckpointChooser;
import kcwb.app.service.checkpoints.RunCheckpoint;
import kcwb.app.service.evaluate.EvaluationProgress;
import kcwb.app.service.evaluate.EvaluationService;
import kcwb.app.service.evaluate.EvaluationSplit;
import kcwb.app.service.evaluate.ItemResult;
import kcwb.app.service.evaluate.LabelConfusion;
import kcwb.app.service.evaluate.LabelOutcome;
import kcwb.storage.project.Project;
import kcwb.storage.workspace.Workspace;

/**
 * The evaluate screen's state: which model (a checkpoint of the project's runs, best preselected, or any folder)
 * on which split; the outcome with its deltas against the previous evaluation; the items of the clicked
 * confusion-matrix cell (multi-label: the chosen label's 2×2 matrix and its clicked cell); the errors, most
 * confident first. "Fix label" hands an item id to the labeling view.
 */
public final class EvaluateViewModel {
    /** A model folder to evaluate, as the chooser shows it; {@code folder}: chosen by hand, not a run's checkpoint. */
    public record ModelChoice(String display, Path dir, boolean folder) {
        @Override
        public String toString() {
            return display;
        }
    }

    /** One row of the per-class (per-label) table; {@code deltaF1} null when there is nothing to compare with. */
    public record ClassRow(String label, double precision, double recall, double f1, Double deltaF1, long support) {}

    /** A confusion-matrix cell: gold row, predicted column (the model's label indices). */
    public record Cell(int gold, int predicted) {}

    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final WorkspaceSession session;
    private final ObservableValue<Project> project;
    private final ObjectProperty<Path> requestedModel;
    private final LongConsumer openItem;

    private final ObservableList<ModelChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> selectedModel = new SimpleObjectProperty<>();
    private final ObjectProperty<EvaluationSplit> split = new SimpleObjectProperty<>(EvaluationSplit.DEV);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<EvaluationService.Outcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<Cell> selectedCell = new SimpleObjectProperty<>();
    private final ObjectProperty<LabelConfusion> labelConfusion = new SimpleObjectProperty<>();
    private final ObjectProperty<LabelOutcome> selectedLabelCell = new SimpleObjectProperty<>();
    private final ObservableList<ItemResult> cellItems = FXCollections.observableArrayList();
    private final ObservableList<ItemResult> misclassified = FXCollections.observableArrayList();
    private final ObservableList<ClassRow> classRows = FXCollections.observableArrayList();
    private TaskHandle running;

    /**
     * @param project the shell's current project (null: the workspace's first)
     * @param requestedModel a folder another view asked to evaluate; preselected whenever it is set
     * @param openItem shows an item in the labeling view
     */
    public EvaluateViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session, ObservableValue<Project> project,
            ObjectProperty<Path> requestedModel, LongConsumer openItem) {
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.session = Objects.requireNonNull(session);
        this.project = Objects.requireNonNull(project);
        this.requestedModel = Objects.requireNonNull(requestedModel);
        this.openItem = Objects.requireNonNull(openItem);
        project.addListener((obs, old, chosen) -> {
            if (chosen != null) {
                clearResult();
                refreshChoices();
            }
        });
        requestedModel.addListener((obs, old, dir) -> {
            if (dir != null) {
                select(dir);
            }
        });
        if (requestedModel.get() != null) { // asked for before this view was first shown
            select(requestedModel.get());
        }
    }

    /**
     * Reloads the project's checkpoints ({@link CheckpointChooser}: those whose folder is gone are left out, and the
     * message says which); keeps the chosen model when still listed, else the chooser's preselection.
     */
    public void refreshChoices() {
        if (session.file().isEmpty()) {
            return;
        }
        Long chosenId = project.getValue() == null ? null : project.getValue().id();
        taskRunner.submit(BackgroundTask.of(i18n.get("evaluate.task.checkpoints"), work -> session.call(workspace ->
                        projectOf(workspace, chosenId).map(p -> CheckpointChooser.choices(workspace, p.id()))
                                .orElseGet(CheckpointChooser.Choices::none)))
                .onSuccess(found -> {
                    List<ModelChoice> folders = choices.stream().filter(ModelChoice::folder)
                            .filter(c -> found.offered().stream().noneMatch(f -> f.dir().equals(c.dir()))).toList();
                    Path kept = selectedModel.get() == null ? null : selectedModel.get().dir();
                    choices.setAll(found.offered().stream().map(this::choice).toList());
                    choices.addAll(folders);
                    if (kept != null && choices.stream().anyMatch(c -> c.dir().equals(kept))) {
                        select(kept); // the user's (or a requested) choice survives a reload
                    } else {
                        found.preselected().map(this::choice).ifPresentOrElse(selectedModel::set,
                                () -> selectedModel.set(folders.isEmpty() ? null : folders.getFirst()));
                    }
                    String missing = found.missing().isEmpty() ? ""
                            : i18n.get("checkpoints.missing", found.missing().size(), found.missingText(3));
                    message.set(choices.isEmpty() ? (i18n.get("evaluate.noCheckpoints") + " " + missing).strip() : missing);
                })
                .onFailure(error -> message.set(i18n.get("evaluate.error", describe(error)))));
    }

    private ModelChoice choice(RunCheckpoint c) {
        return new ModelChoice(i18n.get(c.best() ? "evaluate.checkpointBest" : "evaluate.checkpoint", c.runName(), c.step()),
                c.dir(), false);
    }

    /** Selects the folder {@code dir}: its checkpoint entry when listed, else a new "folder" entry. */
    public void select(Path dir) {
        Path wanted = dir.toAbsolutePath().normalize();
        ModelChoice match = choices.stream().filter(c -> c.dir().toAbsolutePath().normalize().equals(wanted)).findFirst()
                .orElseGet(() -> {
                    ModelChoice folder = new ModelChoice(i18n.get("evaluate.folderChoice", wanted.getFileName()), wanted, true);
                    choices.add(folder);
                    return folder;
                });
        selectedModel.set(match);
    }

    /** Evaluates the selected model on the selected split in the background; progress and cancel via the task. */
    public void evaluate() {
        ModelChoice model = selectedModel.get();
        if (model == null) {
            message.set(i18n.get("evaluate.chooseModel"));
            return;
        }
        if (busy.get() || session.file().isEmpty()) {
            return;
        }
        Long chosenId = project.getValue() == null ? null : project.getValue().id();
        EvaluationSplit on = split.get();
        busy.set(true);
        message.set(i18n.get("evaluate.running", model.display(), i18n.get("evaluate.split." + on.key())));
        progress.unbind();
        running = taskRunner.submit(BackgroundTask.of(i18n.get("evaluate.task", model.display()), work -> {
                    long projectId = session.call(workspace -> projectOf(workspace, chosenId)).orElseThrow(
                            () -> new IllegalArgumentException(i18n.get("label.noProject"))).id();
                    return EvaluationService.evaluate(session, projectId, model.dir(), on, new EvaluationProgress() {
                        @Override
                        public void update(long done, long total) {
                            work.update(done, total);
                            work.message(i18n.get("evaluate.progress", done, total));
                        }

                        @Override
                        public boolean isCancelled() {
                            return work.isCancelled();
                        }
                    });
                })
                .onSuccess(result -> {
                    show(result);
                    message.set(result.evaluation().skipped() == 0 ? ""
                            : i18n.get("evaluate.skipped", result.evaluation().skipped()));
                })
                .onFailure(error -> message.set(i18n.get("evaluate.error", describe(error))))
                .onCancelled(() -> message.set(i18n.get("evaluate.cancelled")))
                .onFinished(() -> {
                    busy.set(false);
                    progress.unbind();
                    progress.set(0);
                }));
        if (busy.get()) { // still running (an inline runner has already finished and unbound)
            progress.bind(running.progressProperty());
        }
    }

    public void cancel() {
        if (running != null) {
            running.requestCancel();
        }
    }

    private void show(EvaluationService.Outcome result) {
        clearCell();
        outcome.set(result);
        misclassified.setAll(result.evaluation().misclassified());
        var deltas = result.deltas();
        classRows.setAll(result.evaluation().metrics().perClass().stream().map(c -> new ClassRow(c.label(), c.precision(),
                c.recall(), c.f1(), deltas.map(d -> d.f1().get(c.label())).orElse(null), c.support())).toList());
    }

    private void clearResult() {
        outcome.set(null);
        clearCell();
        misclassified.clear();
        classRows.clear();
    }

    /** Shows the items of a confusion-matrix cell (single-label results only). */
    public void selectCell(int gold, int predicted) {
        EvaluationService.Outcome result = outcome.get();
        if (result == null || result.evaluation().multiLabel()) {
            return;
        }
        selectedCell.set(new Cell(gold, predicted));
        cellItems.setAll(result.evaluation().cell(gold, predicted));
    }

    /** Multi-label: shows {@code label}'s 2×2 matrix (no cell chosen yet); null or a single-label result: none. */
    public void selectLabel(String label) {
        EvaluationService.Outcome result = outcome.get();
        if (result == null || !result.evaluation().multiLabel() || !result.evaluation().labels().contains(label)) {
            return;
        }
        clearCell();
        labelConfusion.set(result.evaluation().labelConfusion(label));
    }

    /** Multi-label: lists the items of one cell of the shown label's 2×2 matrix (e.g. those it missed). */
    public void selectLabelCell(LabelOutcome cell) {
        EvaluationService.Outcome result = outcome.get();
        LabelConfusion shown = labelConfusion.get();
        if (result == null || shown == null) {
            return;
        }
        selectedLabelCell.set(cell);
        cellItems.setAll(result.evaluation().labelCell(shown.label(), cell));
    }

    private void clearCell() {
        selectedCell.set(null);
        labelConfusion.set(null);
        selectedLabelCell.set(null);
        cellItems.clear();
    }

    /** The error→relabel loop: show the item in the labeling view. */
    public void fixLabel(ItemResult item) {
        if (item != null) {
            openItem.accept(item.itemId());
        }
    }

    private static java.util.Optional<Project> projectOf(Workspace workspace, Long chosenId) {
        return chosenId == null ? workspace.projects().list().stream().findFirst()
                : workspace.projects().get(chosenId).or(() -> workspace.projects().list().stream().findFirst());
    }

    private static String describe(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    public I18n i18n() { return i18n; }
    public ObservableList<ModelChoice> choices() { return choices; }
    public ObjectProperty<ModelChoice> selectedModelProperty() { return selectedModel; }
    public ObjectProperty<EvaluationSplit> splitProperty() { return split; }
    public BooleanProperty busyProperty() { return busy; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty messageProperty() { return message; }
    public ObjectProperty<EvaluationService.Outcome> outcomeProperty() { return outcome; }
    public ObjectProperty<Cell> selectedCellProperty() { return selectedCell; }
    public ObjectProperty<LabelConfusion> labelConfusionProperty() { return labelConfusion; }
    public ObjectProperty<LabelOutcome> selectedLabelCellProperty() { return selectedLabelCell; }
    public ObservableList<ItemResult> cellItems() { return cellItems; }
    public ObservableList<ItemResult> misclassified() { return misclassified; }
    public ObservableList<ClassRow> classRows() { return classRows; }
}
