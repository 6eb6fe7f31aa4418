package kcwb.app.gui.progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.service.LabelingService;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.annotation.AnnotationStats;

/** Labelled/total, labels per label and per annotator, label edits per hour; refreshed on demand. */
public final class ProgressViewModel {
    static final int HOURS = 24;

    /** One snapshot of the counts. */
    public record Snapshot(long total, long labelled, Map<String, Long> perLabel, Map<String, Long> perAnnotator,
            Map<String, Long> perHour) {}

    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final WorkspaceSession session;
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    private final javafx.beans.value.ObservableValue<kcwb.storage.project.Project> chosenProject;

    public ProgressViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session) {
        this(i18n, taskRunner, session, new SimpleObjectProperty<>());
    }

    /** Counts {@code chosenProject} (the shell's current project; null: the first) and refreshes when it changes. */
    public ProgressViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session,
            javafx.beans.value.ObservableValue<kcwb.storage.project.Project> chosenProject) {
        this.chosenProject = Objects.requireNonNull(chosenProject);
        chosenProject.addListener((obs, old, chosen) -> {
            if (chosen != null) {
                refresh();
            }
        });
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.session = Objects.requireNonNull(session);
    }

    public void refresh() {
        Long chosenId = chosenProject.getValue() == null ? null : chosenProject.getValue().id();
        taskRunner.submit(BackgroundTask.of(i18n.get("task.progress"), work -> session.call(workspace ->
                LabelingService.project(workspace, chosenId).map(info -> {
                    AnnotationStats stats = new AnnotationStats(workspace);
                    long id = info.project().id();
                    return new Snapshot(info.total(), info.total() - info.unlabeled(), stats.perLabel(id),
                            stats.perAnnotator(id), stats.editsPerHour(id, HOURS));
                }).orElse(null)))
                .onSuccess(result -> {
                    snapshot.set(result);
                    message.set(result == null ? i18n.get("label.noProject") : "");
                })
                .onFailure(error -> message.set(i18n.get("items.error", error.getMessage()))));
    }

    /** "HH:00" labels for the per-hour chart (UTC hours as stored). */
    static Map<String, Long> hourLabels(Map<String, Long> perHour) {
        Map<String, Long> shown = new LinkedHashMap<>();
        perHour.forEach((hour, count) -> shown.put(hour.length() >= 13 ? hour.substring(5, 10) + " " + hour.substring(11, 13) + ":00" : hour, count));
        return shown;
    }

    public ObjectProperty<Snapshot> snapshotProperty() { return snapshot; }
    public StringProperty messageProperty() { return message; }
    public I18n i18n() { return i18n; }
}
