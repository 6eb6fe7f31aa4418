package kcwb.app.gui.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.service.train.ModelExportService;

/** Exports one checkpoint as an HF folder with {@link ModelExportService} (as {@code kcwb export-model}), in the background. */
public final class ExportModelViewModel {
    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final Path checkpoint;
    private final ModelExportService exporter;
    private final Consumer<Path> onExported;
    private final StringProperty target = new SimpleStringProperty("");
    private final ObservableList<String> plan = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final StringProperty message = new SimpleStringProperty("");

    /** @param onExported told the folder after a successful export (remembered for the models list) */
    public ExportModelViewModel(I18n i18n, TaskRunner taskRunner, Path checkpoint, ModelExportService exporter,
            Path home, Consumer<Path> onExported) {
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.checkpoint = Objects.requireNonNull(checkpoint);
        this.exporter = Objects.requireNonNull(exporter);
        this.onExported = Objects.requireNonNull(onExported);
        target.set(ExportPlan.defaultTarget(checkpoint, home).toString());
        plan.setAll(ExportPlan.describe(checkpoint, i18n));
    }

    public void export() {
        String chosen = target.get() == null ? "" : target.get().strip();
        if (chosen.isEmpty()) {
            message.set(i18n.get("models.export.noTarget"));
            return;
        }
        Path out = Path.of(chosen).toAbsolutePath().normalize();
        running.set(true);
        done.set(false);
        message.set(i18n.get("models.export.running", out));
        taskRunner.submit(BackgroundTask.of(i18n.get("task.models.export", checkpoint.getFileName()), progress -> {
                    exporter.export(checkpoint, out);
                    return out;
                })
                .onSuccess(folder -> {
                    done.set(true);
                    message.set(i18n.get("models.export.done", folder));
                    onExported.accept(folder);
                })
                .onFailure(error -> message.set(i18n.get("models.export.failed",
                        error instanceof IOException || error instanceof IllegalArgumentException
                                ? error.getMessage() : error.toString())))
                .onFinished(() -> running.set(false)));
    }

    public Path checkpoint() { return checkpoint; }
    public StringProperty targetProperty() { return target; }
    public ObservableList<String> plan() { return plan; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
    public StringProperty messageProperty() { return message; }
    public I18n i18n() { return i18n; }
}
