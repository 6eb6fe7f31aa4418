package kcwb.app.gui.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.service.LabelingService;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.models.LocalModel;
import kcwb.app.service.models.LocalModelCatalog;
import kcwb.app.service.models.ModelInspector;
import kcwb.storage.project.Project;

/**
 * The models list: hub-cache revisions, the demo model, the current project's checkpoints and exported folders,
 * each described like {@code kcwb model info}; a load check of the selected one on demand.
 */
public final class ModelsViewModel {
    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final WorkspaceSession session;
    private final ObservableValue<Project> project;
    private final LocalModelCatalog catalog;
    private final ModelInspector inspector;
    private final ObservableList<ModelRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ModelRow> selected = new SimpleObjectProperty<>();
    private final StringProperty loadCheck = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public ModelsViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session, ObservableValue<Project> project,
            LocalModelCatalog catalog, ModelInspector inspector) {
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.session = Objects.requireNonNull(session);
        this.project = Objects.requireNonNull(project);
        this.catalog = Objects.requireNonNull(catalog);
        this.inspector = Objects.requireNonNull(inspector);
        selected.addListener((obs, old, row) -> loadCheck.set(""));
        project.addListener((obs, old, chosen) -> {
            if (chosen != null) {
                refresh();
            }
        });
    }

    /** Lists and describes every model folder (config and weight headers only; seconds at most). */
    public void refresh() {
        Long projectId = project.getValue() == null ? null : project.getValue().id();
        Path keep = selected.get() == null ? null : selected.get().model().dir();
        taskRunner.submit(BackgroundTask.of(i18n.get("task.models.list"), progress -> {
                    List<LocalModel> models = new ArrayList<>(catalog.hubModels());
                    catalog.demoModel().ifPresent(models::add);
                    if (session.file().isPresent()) {
                        models.addAll(session.call(workspace -> LabelingService.project(workspace, projectId)
                                .map(info -> LocalModelCatalog.checkpoints(workspace, info.project()))
                                .orElse(List.of())));
                    }
                    models.addAll(catalog.exportedModels());
                    List<ModelRow> described = new ArrayList<>();
                    for (LocalModel model : models) {
                        if (progress.isCancelled()) {
                            break;
                        }
                        described.add(new ModelRow(model, inspector.describe(model.dir())));
                        progress.update(described.size(), models.size());
                    }
                    return described;
                })
                .onSuccess(list -> {
                    rows.setAll(list);
                    selected.set(list.stream().filter(row -> row.model().dir().equals(keep)).findFirst()
                            .orElse(list.isEmpty() ? null : list.getFirst()));
                    message.set(list.isEmpty() ? i18n.get("models.list.empty") : i18n.get("models.list.count", list.size()));
                })
                .onFailure(error -> message.set(i18n.get("models.list.error", error.getMessage()))));
    }

    /** Reads every weight of the selected folder and matches it against the classifier; shows the report. */
    public void checkSelected() {
        ModelRow row = selected.get();
        if (row == null) {
            return;
        }
        loadCheck.set(i18n.get("models.check.running"));
        taskRunner.submit(BackgroundTask.of(i18n.get("task.models.check", row.model().name()),
                        progress -> inspector.loadCheck(row.model().dir()))
                .onSuccess(check -> {
                    if (row.equals(selected.get())) {
                        loadCheck.set(i18n.get(check.loadable() ? "models.check.ok" : "models.check.failed") + "\n"
                                + check.summary());
                    }
                })
                .onFailure(error -> loadCheck.set(i18n.get("models.check.failed") + "\n" + error.getMessage())));
    }

    public ObservableList<ModelRow> rows() { return rows; }
    public ObjectProperty<ModelRow> selectedProperty() { return selected; }
    public StringProperty loadCheckProperty() { return loadCheck; }
    public StringProperty messageProperty() { return message; }
    public I18n i18n() { return i18n; }
}
