package kcwb.app.gui.models;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.service.models.GpuSetupService;
import kcwb.app.service.models.GpuStatus;

/** The GPU section: the device training would use and why; "Get GPU libraries" through DJL's own download. */
public final class GpuViewModel {
    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final GpuSetupService service;
    private final Path djlCache;
    private final Executor ui;
    private final ObjectProperty<GpuStatus> status = new SimpleObjectProperty<>();
    private final StringProperty verdict = new SimpleStringProperty("");
    private final StringProperty flavor = new SimpleStringProperty(GpuSetupService.FLAVORS.getFirst());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final StringProperty downloadMessage = new SimpleStringProperty("");
    private final AtomicBoolean cancel = new AtomicBoolean();

    public GpuViewModel(I18n i18n, TaskRunner taskRunner, GpuSetupService service, Path djlCache, Executor ui) {
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.service = Objects.requireNonNull(service);
        this.djlCache = Objects.requireNonNull(djlCache);
        this.ui = Objects.requireNonNull(ui);
    }

    /** Loads the engine and probes CUDA (seconds the first time). */
    public void check() {
        verdict.set(i18n.get("models.gpu.checking"));
        taskRunner.submit(BackgroundTask.of(i18n.get("task.models.gpu"), progress -> service.status())
                .onSuccess(found -> {
                    status.set(found);
                    verdict.set(verdictText(found));
                })
                .onFailure(error -> verdict.set(i18n.get("models.gpu.verdict.engine_failed", error.getMessage()))));
    }

    String verdictText(GpuStatus found) {
        String key = "models.gpu.verdict." + found.verdict().name().toLowerCase(Locale.ROOT);
        String gpu = found.gpuNames().isEmpty() ? "" : String.join(", ", found.gpuNames());
        return switch (found.verdict()) {
            case GPU -> i18n.get(key, found.device(), gpu);
            case NO_CUDA -> i18n.get(key, Runtime.getRuntime().availableProcessors());
            case CPU_LIBTORCH -> i18n.get(key, found.cudaVersion(), gpu);
            case ENGINE_FAILED -> i18n.get(key, found.engine());
        };
    }

    /** Lets DJL download the CUDA libtorch for the chosen flavor; fails with a clear reason without CUDA or network. */
    public void getLibraries() {
        String chosen = flavor.get();
        cancel.set(false);
        busy.set(true);
        downloadMessage.set(i18n.get("models.gpu.downloading", chosen, "0.0 MB"));
        taskRunner.submit(BackgroundTask.of(i18n.get("task.models.gpuDownload", chosen), progress ->
                        service.downloadGpuLibraries(chosen, djlCache,
                                bytes -> ui.execute(() -> {
                                    if (busy.get()) {
                                        downloadMessage.set(i18n.get("models.gpu.downloading", chosen,
                                                GetModelViewModel.megabytes(bytes)));
                                    }
                                }),
                                () -> cancel.get() || progress.isCancelled()))
                .onSuccess(result -> downloadMessage.set(result.succeeded()
                        ? i18n.get("models.gpu.downloaded", chosen, result.libtorchPath())
                        : i18n.get("models.gpu.downloadFailed", result.message())))
                .onFailure(error -> downloadMessage.set(i18n.get("models.gpu.downloadFailed", error.getMessage())))
                .onFinished(() -> busy.set(false)));
    }

    public void cancelDownload() {
        cancel.set(true);
    }

    public ObjectProperty<GpuStatus> statusProperty() { return status; }
    public StringProperty verdictProperty() { return verdict; }
    public StringProperty flavorProperty() { return flavor; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public StringProperty downloadMessageProperty() { return downloadMessage; }
    public I18n i18n() { return i18n; }
}
