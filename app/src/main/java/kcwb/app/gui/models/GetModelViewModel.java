package kcwb.app.gui.models;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.training.hub.DownloadListener;
import kcwb.training.hub.DownloadProgress;
import kcwb.training.hub.HubException;
import kcwb.training.hub.HubSettings;
import kcwb.training.hub.RevisionManifest;

/**
 * "Get a model": pulls a hub revision into the shared cache with per-file and total progress, speed, ETA,
 * cancel (the partial file is kept; pulling again resumes it), a token typed in or taken from HF_TOKEN (held
 * in memory only, never saved), offline mode and a translated headline plus the hub's detail for every error.
 */
public final class GetModelViewModel {
    public static final String DEFAULT_REPO = "beomi/KcELECTRA-base";
    public static final List<String> REVISIONS = List.of("v2022", "v2021", "main");

    /** Where a pull stands. */
    public enum State { IDLE, RUNNING, DONE, CANCELLED, FAILED }

    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final Supplier<HubSettings> baseSettings;
    private final ModelPuller puller;
    private final Executor ui;
    private final Consumer<Path> onPulled;

    private final StringProperty repo = new SimpleStringProperty(DEFAULT_REPO);
    private final StringProperty revision = new SimpleStringProperty(REVISIONS.getFirst());
    private final StringProperty token = new SimpleStringProperty("");
    private final BooleanProperty offline = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final StringProperty currentFile = new SimpleStringProperty("");
    private final DoubleProperty fileProgress = new SimpleDoubleProperty(0);
    private final DoubleProperty totalProgress = new SimpleDoubleProperty(0);
    private final StringProperty speed = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private Path result;

    /**
     * @param baseSettings the hub settings from the environment (HF_ENDPOINT, HF_HUB_CACHE, HF_TOKEN, HF_HUB_OFFLINE)
     * @param ui runs progress updates on the FX thread ({@code Platform::runLater}; tests: {@code Runnable::run})
     * @param onPulled told the snapshot folder after a successful pull (the models list refreshes)
     */
    public GetModelViewModel(I18n i18n, TaskRunner taskRunner, Supplier<HubSettings> baseSettings, ModelPuller puller,
            Executor ui, Consumer<Path> onPulled) {
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.baseSettings = Objects.requireNonNull(baseSettings);
        this.puller = Objects.requireNonNull(puller);
        this.ui = Objects.requireNonNull(ui);
        this.onPulled = Objects.requireNonNull(onPulled);
        offline.set(baseSettings.get().offline());
    }

    /** Where the token comes from when the field is empty (shown under the field; the token itself never is). */
    public String tokenSource() {
        return baseSettings.get().hasToken() ? i18n.get("models.pull.tokenFromEnv") : i18n.get("models.pull.tokenNone");
    }

    public String cacheDir() {
        return baseSettings.get().cacheDir().toString();
    }

    public void pull() {
        String repoId = repo.get() == null ? "" : repo.get().strip();
        String rev = revision.get() == null ? "" : revision.get().strip();
        if (repoId.isEmpty() || rev.isEmpty()) {
            fail(i18n.get("models.pull.error.missing"), "");
            return;
        }
        HubSettings settings = baseSettings.get();
        if (!token.get().isBlank()) {
            settings = settings.withToken(token.get().strip());
        }
        settings = settings.withOffline(offline.get());
        HubSettings chosen = settings;
        PullProgress tracker = new PullProgress(RevisionManifest.forRevision(rev));
        cancelRequested.set(false);
        result = null;
        log.clear();
        errorDetail.set("");
        fileProgress.set(0);
        totalProgress.set(0);
        speed.set("");
        currentFile.set("");
        running.set(true);
        state.set(State.RUNNING);
        message.set(i18n.get(chosen.offline() ? "models.pull.resolving" : "models.pull.pulling", repoId, rev));
        taskRunner.submit(BackgroundTask.of(i18n.get("task.models.pull", repoId, rev),
                        progress -> puller.pull(chosen, repoId, rev, listener(tracker, progress)))
                .onSuccess(snapshot -> {
                    result = snapshot;
                    totalProgress.set(1);
                    state.set(State.DONE);
                    message.set(i18n.get("models.pull.done", repoId, rev, snapshot));
                    onPulled.accept(snapshot);
                })
                .onFailure(this::failed)
                .onCancelled(this::cancelled)
                .onFinished(() -> running.set(false)));
    }

    /** Stops the download within a chunk; its bytes stay in the cache and the next pull resumes them. */
    public void cancel() {
        if (running.get()) {
            cancelRequested.set(true);
            message.set(i18n.get("models.pull.cancelling"));
        }
    }

    private DownloadListener listener(PullProgress tracker, BackgroundTask.Progress task) {
        return new DownloadListener() {
            @Override
            public void fileStarted(String file, long totalBytes, long resumedFrom) {
                ui.execute(() -> {
                    tracker.started(file);
                    currentFile.set(file);
                    fileProgress.set(totalBytes > 0 ? (double) resumedFrom / totalBytes : -1);
                    log.add(resumedFrom > 0 ? i18n.get("models.pull.log.resumed", file, megabytes(resumedFrom))
                            : i18n.get("models.pull.log.started", file, totalBytes < 0 ? "?" : megabytes(totalBytes)));
                });
            }

            @Override
            public void progress(DownloadProgress p) {
                ui.execute(() -> {
                    tracker.progress(p.file(), p.fraction());
                    currentFile.set(p.file());
                    fileProgress.set(p.fraction());
                    totalProgress.set(tracker.total());
                    String eta = p.eta().map(d -> i18n.get("models.pull.eta", formatDuration(d.toSeconds()))).orElse("");
                    speed.set(i18n.get("models.pull.speed", megabytes(p.bytes()),
                            p.total() < 0 ? "?" : megabytes(p.total()), megabytes((long) p.bytesPerSecond())) + eta);
                });
            }

            @Override
            public void fileReady(String file, Path path, boolean downloaded) {
                ui.execute(() -> {
                    tracker.ready(file);
                    totalProgress.set(tracker.total());
                    log.add(i18n.get(downloaded ? "models.pull.log.downloaded" : "models.pull.log.cached", file));
                });
            }

            @Override
            public void fileSkipped(String file, String reason) {
                ui.execute(() -> {
                    tracker.skipped(file);
                    totalProgress.set(tracker.total());
                    log.add(i18n.get("models.pull.log.skipped", file));
                });
            }

            @Override
            public void warning(String text) {
                ui.execute(() -> log.add(text));
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested.get() || task.isCancelled();
            }
        };
    }

    private void failed(Throwable error) {
        if (error instanceof HubException hub && hub.reason() == HubException.Reason.CANCELLED) {
            cancelled();
            errorDetail.set(hub.getMessage());
            return;
        }
        String headline = error instanceof HubException hub
                ? i18n.get("models.pull.error." + hub.reason().name().toLowerCase(Locale.ROOT))
                : i18n.get("models.pull.error.other");
        fail(headline, Objects.toString(error.getMessage(), error.getClass().getSimpleName()));
    }

    private void cancelled() {
        state.set(State.CANCELLED);
        message.set(i18n.get("models.pull.cancelled"));
    }

    private void fail(String headline, String detail) {
        state.set(State.FAILED);
        message.set(headline);
        errorDetail.set(detail);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String formatDuration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    public State state() { return state.get(); }
    public ObjectProperty<State> stateProperty() { return state; }
    public Path result() { return result; }
    public StringProperty repoProperty() { return repo; }
    public StringProperty revisionProperty() { return revision; }
    public StringProperty tokenProperty() { return token; }
    public BooleanProperty offlineProperty() { return offline; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public StringProperty currentFileProperty() { return currentFile; }
    public DoubleProperty fileProgressProperty() { return fileProgress; }
    public DoubleProperty totalProgressProperty() { return totalProgress; }
    public StringProperty speedProperty() { return speed; }
    public StringProperty messageProperty() { return message; }
    public StringProperty errorDetailProperty() { return errorDetail; }
    public ObservableList<String> log() { return log; }
    public I18n i18n() { return i18n; }
}
