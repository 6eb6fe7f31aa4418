package kcwb.app.gui.label;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.service.LabelingService;
import kcwb.app.service.LabelingService.ItemState;
import kcwb.app.service.LabelingService.ProjectInfo;
import kcwb.app.service.LabelingService.Step;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.label.Label;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;

/**
 * One comment at a time: label keys save at once (through the workspace session) and move to the next
 * unlabeled item. Commands run strictly one after another, each reading the item shown when it starts, so
 * fast typing never labels the wrong item and no keystroke is lost.
 */
public final class LabelViewModel {
    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final WorkspaceSession session;
    private final ObservableStringValue annotator;
    private final Queue<Runnable> pending = new ArrayDeque<>();
    private boolean running;

    private final ObjectProperty<ProjectInfo> project = new SimpleObjectProperty<>();
    private final ObservableList<Label> labels = FXCollections.observableArrayList();
    private final ObjectProperty<ItemState> current = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final LongProperty total = new SimpleLongProperty();
    private final LongProperty unlabeled = new SimpleLongProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final LabelPreview preview;

    private final javafx.beans.value.ObservableValue<kcwb.storage.project.Project> chosenProject;

    public LabelViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session, ObservableStringValue annotator) {
        this(i18n, taskRunner, session, annotator, new SimpleObjectProperty<>());
    }

    /** Works on {@code chosenProject} (the shell's current project; null: the first) and reloads when it changes. */
    public LabelViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session, ObservableStringValue annotator,
            javafx.beans.value.ObservableValue<kcwb.storage.project.Project> chosenProject) {
        this.chosenProject = Objects.requireNonNull(chosenProject);
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.session = Objects.requireNonNull(session);
        this.annotator = Objects.requireNonNull(annotator);
        this.preview = new LabelPreview(i18n, taskRunner);
        current.addListener((obs, old, state) -> {
            note.set(state == null || state.myNote() == null ? "" : state.myNote());
            preview.show(state == null ? "" : state.item().text());
        });
        chosenProject.addListener((obs, old, chosen) -> {
            if (chosen != null) {
                load();
            }
        });
    }

    /** Loads the chosen (else the first) project and its first unlabeled item (call when the workspace changes). */
    public void load() {
        Long chosenId = chosenProject.getValue() == null ? null : chosenProject.getValue().id();
        enqueue("task.label.load", workspace -> {
            Optional<ProjectInfo> info = LabelingService.project(workspace, chosenId);
            Step step = info.map(p -> LabelingService.nextUnlabeled(workspace, p.project().id(), 0, annotator.get()))
                    .orElse(new Step(null, 0));
            return new Loaded(info.orElse(null), step);
        }, loaded -> {
            project.set(loaded.info());
            labels.setAll(loaded.info() == null ? List.of() : loaded.info().labels());
            total.set(loaded.info() == null ? 0 : loaded.info().total());
            unlabeled.set(loaded.info() == null ? 0 : loaded.info().unlabeled());
            message.set(loaded.info() == null ? i18n.get("label.noProject") : "");
            showStep(loaded.step());
        });
    }

    private record Loaded(ProjectInfo info, Step step) {}

    /**
     * The digit key {@code digitIndex} (0 = key 1): the label whose stored hotkey is that digit; a label
     * without a hotkey answers to its position. Does nothing when no label has that key.
     */
    public void pressKey(int digitIndex) {
        int index = labelIndexForKey(digitIndex);
        if (index >= 0) {
            pressLabel(index);
        }
    }

    int labelIndexForKey(int digitIndex) {
        String digit = Integer.toString(digitIndex + 1);
        for (int i = 0; i < labels.size(); i++) {
            if (digit.equals(labels.get(i).hotkey())) {
                return i;
            }
        }
        boolean taken = labels.stream().anyMatch(label -> digit.equals(label.hotkey()));
        return !taken && digitIndex < labels.size() && labels.get(digitIndex).hotkey() == null ? digitIndex : -1;
    }

    /** Label {@code index} in display order: single-label saves and advances; multi-label toggles and saves. */
    public void pressLabel(int index) {
        enqueueOnItem("task.label.save", (workspace, state, noteText) -> {
            if (index < 0 || index >= labels.size()) {
                return null;
            }
            String name = labels.get(index).name();
            boolean multi = project.get().project().taskType() == TaskType.MULTI_LABEL;
            List<String> chosen = new ArrayList<>(multi ? state.myLabels() : List.of());
            if (multi && chosen.contains(name)) {
                chosen.remove(name);
            } else {
                chosen.add(name);
            }
            return LabelingService.save(workspace, projectId(), state.item().id(), annotator.get(), chosen, noteText, !multi);
        });
    }

    /** Saves the note with the annotator's current labels (stays on the item). */
    public void saveNote() {
        enqueueOnItem("task.label.save", (workspace, state, noteText) -> state.myLabels().isEmpty() ? null
                : LabelingService.save(workspace, projectId(), state.item().id(), annotator.get(), state.myLabels(), noteText, false));
    }

    /** Leaves the item as it is and shows the next unlabeled one. */
    public void skip() {
        enqueueOnItem("task.label.next", (workspace, state, noteText) ->
                LabelingService.nextUnlabeled(workspace, projectId(), state.item().id(), annotator.get()));
    }

    public void next() {
        neighbour(true);
    }

    public void previous() {
        neighbour(false);
    }

    private void neighbour(boolean forward) {
        enqueueOnItem("task.label.next", (workspace, state, noteText) -> LabelingService.neighbour(workspace, projectId(),
                state.item().id(), annotator.get(), forward).map(found -> new Step(found, 0)).orElse(null));
    }

    /** Shows item {@code itemId} (from the item table or the jump field). */
    public void jumpTo(long itemId) {
        enqueue("task.label.next", workspace -> LabelingService.state(workspace, itemId, annotator.get())
                .filter(state -> project.get() != null && state.item().projectId() == projectId()),
                state -> state.ifPresentOrElse(found -> showStep(new Step(found, 0)),
                        () -> message.set(i18n.get("label.noSuchItem", itemId))));
    }

    public void undo() {
        undoOrRedo(true);
    }

    public void redo() {
        undoOrRedo(false);
    }

    private void undoOrRedo(boolean undo) {
        enqueue(undo ? "task.label.undo" : "task.label.redo", workspace -> project.get() == null ? Optional.<Step>empty()
                : LabelingService.undoOrRedo(workspace, projectId(), annotator.get(), undo), step -> step.ifPresentOrElse(
                        this::showStep, () -> message.set(i18n.get(undo ? "label.nothingToUndo" : "label.nothingToRedo"))));
    }

    private long projectId() {
        return project.get().project().id();
    }

    private interface ItemWork {
        Step run(Workspace workspace, ItemState state, String noteText);
    }

    /** Work on the item shown when the command starts; nothing happens without an item or an annotator name. */
    private void enqueueOnItem(String titleKey, ItemWork work) {
        pending.add(() -> {
            ItemState state = current.get();
            if (state == null || project.get() == null) {
                finishCommand();
                return;
            }
            if (annotator.get() == null || annotator.get().isBlank()) {
                message.set(i18n.get("label.needAnnotator"));
                finishCommand();
                return;
            }
            String noteText = note.get();
            submit(titleKey, workspace -> Optional.ofNullable(work.run(workspace, state, noteText)),
                    step -> step.ifPresent(this::showStep));
        });
        drain();
    }

    private <T> void enqueue(String titleKey, Function<Workspace, T> work, java.util.function.Consumer<T> onResult) {
        pending.add(() -> submit(titleKey, work, onResult));
        drain();
    }

    private <T> void submit(String titleKey, Function<Workspace, T> work, java.util.function.Consumer<T> onResult) {
        taskRunner.submit(BackgroundTask.of(i18n.get(titleKey), progress -> session.call(work))
                .onSuccess(onResult)
                .onFailure(error -> message.set(i18n.get("label.error", error.getMessage())))
                .onFinished(this::finishCommand));
    }

    private void drain() {
        if (running || pending.isEmpty()) {
            return;
        }
        running = true;
        pending.poll().run();
    }

    private void finishCommand() {
        running = false;
        drain();
    }

    private void showStep(Step step) {
        unlabeled.set(unlabeled.get() + step.unlabeledDelta());
        finished.set(step.state() == null && project.get() != null);
        if (step.state() != null) {
            current.set(step.state());
            message.set("");
        } else if (project.get() != null) {
            message.set(i18n.get("label.allDone"));
        }
    }

    /** True while commands are queued or running (tests and the latency bench wait for false). */
    public boolean isIdle() {
        return !running && pending.isEmpty();
    }

    public ObjectProperty<ProjectInfo> projectProperty() { return project; }
    public ObservableList<Label> labels() { return labels; }
    public ObjectProperty<ItemState> currentProperty() { return current; }
    public StringProperty noteProperty() { return note; }
    public LongProperty totalProperty() { return total; }
    public LongProperty unlabeledProperty() { return unlabeled; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty finishedProperty() { return finished; }
    public LabelPreview preview() { return preview; }
    public I18n i18n() { return i18n; }
}
