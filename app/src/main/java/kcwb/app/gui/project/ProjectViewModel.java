package kcwb.app.gui.project;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.service.LabelingService;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.label.Label;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;

/**
 * Create the workspace's project (name, task type) or edit it: labels with display name, colour and hotkey,
 * and the guideline. Each change is saved at once; {@code onChanged} lets the other views reload.
 */
public final class ProjectViewModel {
    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final WorkspaceSession session;
    private final Runnable onChanged;
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<TaskType> taskType = new SimpleObjectProperty<>(TaskType.SINGLE_LABEL);
    private final StringProperty guideline = new SimpleStringProperty("");
    private final ObservableList<Label> labels = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty exists = new SimpleBooleanProperty(false);

    private final javafx.beans.value.ObservableValue<Project> chosenProject;

    public ProjectViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session, Runnable onChanged) {
        this(i18n, taskRunner, session, onChanged, new SimpleObjectProperty<>());
    }

    /** Edits {@code chosenProject} (the shell's current project; null: the first). */
    public ProjectViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session, Runnable onChanged,
            javafx.beans.value.ObservableValue<Project> chosenProject) {
        this.chosenProject = Objects.requireNonNull(chosenProject);
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.session = Objects.requireNonNull(session);
        this.onChanged = Objects.requireNonNull(onChanged);
    }

    public void load() {
        Long chosenId = chosenProject.getValue() == null ? null : chosenProject.getValue().id();
        run(workspace -> LabelingService.project(workspace, chosenId).orElse(null), info -> {
            project.set(info == null ? null : info.project());
            exists.set(info != null);
            name.set(info == null ? "" : info.project().name());
            taskType.set(info == null ? TaskType.SINGLE_LABEL : info.project().taskType());
            guideline.set(info == null ? "" : info.project().guideline());
            labels.setAll(info == null ? List.of() : info.labels());
        });
    }

    /** Creates the project when the workspace has none. */
    public void create() {
        String chosen = name.get() == null ? "" : name.get().strip();
        if (chosen.isEmpty()) {
            message.set(i18n.get("project.error.name"));
            return;
        }
        TaskType type = taskType.get();
        run(workspace -> workspace.projects().create(chosen, type), created -> changed("project.created"));
    }

    public void saveGuideline() {
        long id = requireProject();
        String text = guideline.get();
        run(workspace -> {
            workspace.projects().setGuideline(id, text);
            return null;
        }, done -> changed("project.saved"));
    }

    /** Adds a label with the next free hotkey and a palette colour (edit them afterwards). */
    public void addLabel(String labelName) {
        long id = requireProject();
        String stripped = labelName == null ? "" : labelName.strip();
        if (stripped.isEmpty()) {
            message.set(i18n.get("project.error.label"));
            return;
        }
        run(workspace -> workspace.labels().add(id, stripped), added -> changed("project.saved"));
    }

    /** Saves a label's display name, colour ("#RRGGBB") and hotkey ("1".."9" or empty). */
    public void updateLabel(Label label, String displayName, String color, String hotkey) {
        if (!color.matches("#[0-9A-Fa-f]{6}") || !(hotkey.isEmpty() || hotkey.matches("[1-9]"))) {
            message.set(i18n.get("project.error.labelFields"));
            return;
        }
        Label updated = new Label(label.id(), label.projectId(), label.name(), displayName.isBlank() ? label.name() : displayName.strip(),
                color, hotkey.isEmpty() ? null : hotkey, label.position());
        run(workspace -> {
            workspace.labels().update(updated);
            return null;
        }, done -> changed("project.saved"));
    }

    private long requireProject() {
        if (project.get() == null) {
            throw new IllegalStateException("no project yet: create it first");
        }
        return project.get().id();
    }

    private void changed(String key) {
        message.set(i18n.get(key));
        load();
        onChanged.run();
    }

    private <T> void run(java.util.function.Function<kcwb.storage.workspace.Workspace, T> work, java.util.function.Consumer<T> done) {
        taskRunner.submit(BackgroundTask.of(i18n.get("task.project"), progress -> session.call(work))
                .onSuccess(done)
                .onFailure(error -> message.set(i18n.get("project.error", error.getMessage()))));
    }

    public ObjectProperty<Project> projectProperty() { return project; }
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<TaskType> taskTypeProperty() { return taskType; }
    public StringProperty guidelineProperty() { return guideline; }
    public ObservableList<Label> labels() { return labels; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty existsProperty() { return exists; }
    public I18n i18n() { return i18n; }
}
