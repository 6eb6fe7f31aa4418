package kcwb.app.gui.items;

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
import kcwb.storage.item.ItemFilter;
import kcwb.storage.item.ItemRow;
import kcwb.storage.item.ItemSearch;
import kcwb.storage.item.Split;

/**
 * The item table: filter fields, the matching rows as a {@link LazyItemList} (ids once per filter, rows a
 * page at a time), and "open in the labeling view". All storage work goes through the workspace session.
 */
public final class ItemsViewModel {
    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final WorkspaceSession session;
    private long projectId = -1;

    private final ObservableList<String> labelNames = FXCollections.observableArrayList();
    private final StringProperty label = new SimpleStringProperty();
    private final StringProperty annotator = new SimpleStringProperty("");
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>();
    private final BooleanProperty unlabeledOnly = new SimpleBooleanProperty();
    private final BooleanProperty disagreementOnly = new SimpleBooleanProperty();
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty byUncertainty = new SimpleBooleanProperty();
    private final ObjectProperty<ObservableList<ItemRowViewModel>> rows =
            new SimpleObjectProperty<>(FXCollections.observableArrayList());
    private final StringProperty summary = new SimpleStringProperty("");

    private final javafx.beans.value.ObservableValue<kcwb.storage.project.Project> chosenProject;

    public ItemsViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session) {
        this(i18n, taskRunner, session, new SimpleObjectProperty<>());
    }

    /** Lists {@code chosenProject} (the shell's current project; null: the first) and reloads when it changes. */
    public ItemsViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session,
            javafx.beans.value.ObservableValue<kcwb.storage.project.Project> chosenProject) {
        this.chosenProject = Objects.requireNonNull(chosenProject);
        chosenProject.addListener((obs, old, chosen) -> {
            if (chosen != null) {
                load();
            }
        });
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.session = Objects.requireNonNull(session);
    }

    /** Reads the chosen (else the first) project and lists its items with the current filter. */
    public void load() {
        Long chosenId = chosenProject.getValue() == null ? null : chosenProject.getValue().id();
        taskRunner.submit(BackgroundTask.of(i18n.get("task.items.load"),
                progress -> session.call(workspace -> LabelingService.project(workspace, chosenId)))
                .onSuccess(info -> {
                    projectId = info.map(p -> p.project().id()).orElse(-1L);
                    labelNames.setAll(info.map(p -> p.labels().stream().map(l -> l.name()).toList()).orElse(List.of()));
                    apply();
                })
                .onFailure(error -> summary.set(i18n.get("items.error", error.getMessage()))));
    }

    /** Runs the filter: fetches the matching ids in the background, then shows them lazily. */
    public void apply() {
        if (projectId < 0) {
            rows.set(FXCollections.observableArrayList());
            summary.set(i18n.get("label.noProject"));
            return;
        }
        ItemFilter filter = filter();
        taskRunner.submit(BackgroundTask.of(i18n.get("task.items.filter"),
                progress -> session.call(workspace -> new ItemSearch(workspace).ids(filter)))
                .onSuccess(ids -> {
                    rows.set(FXCollections.observableList(new LazyItemList(ids, this::loadPage)));
                    summary.set(i18n.get("items.count", ids.length));
                })
                .onFailure(error -> summary.set(i18n.get("items.error", error.getMessage()))));
    }

    ItemFilter filter() {
        String who = annotator.get() == null || annotator.get().isBlank() ? null : annotator.get().strip();
        String contains = text.get() == null || text.get().isEmpty() ? null : text.get();
        return new ItemFilter(projectId, label.get(), who, split.get(), unlabeledOnly.get(), disagreementOnly.get(),
                contains, byUncertainty.get());
    }

    private void loadPage(long[] ids, ItemRowViewModel[] models) {
        taskRunner.submit(BackgroundTask.of(i18n.get("task.items.page"),
                progress -> session.call(workspace -> new ItemSearch(workspace).rows(ids)))
                .onSuccess(loaded -> {
                    java.util.Map<Long, ItemRow> byId = new java.util.HashMap<>();
                    loaded.forEach(row -> byId.put(row.item().id(), row));
                    for (ItemRowViewModel model : models) {
                        model.rowProperty().set(byId.get(model.id()));
                    }
                }));
    }

    public ObservableList<String> labelNames() { return labelNames; }
    public StringProperty labelProperty() { return label; }
    public StringProperty annotatorProperty() { return annotator; }
    public ObjectProperty<Split> splitProperty() { return split; }
    public BooleanProperty unlabeledOnlyProperty() { return unlabeledOnly; }
    public BooleanProperty disagreementOnlyProperty() { return disagreementOnly; }
    public StringProperty textProperty() { return text; }
    public BooleanProperty byUncertaintyProperty() { return byUncertainty; }
    public ObjectProperty<ObservableList<ItemRowViewModel>> rowsProperty() { return rows; }
    public StringProperty summaryProperty() { return summary; }
    public I18n i18n() { return i18n; }
}
