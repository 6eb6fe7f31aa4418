package kcwb.app.gui.common;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The app's runner: each {@link BackgroundTask} becomes a {@link javafx.concurrent.Task} on a pool of daemon
 * worker threads (daemon: an open window never waits for a stuck task to exit). JavaFX's Task already posts
 * progress and message updates to the FX thread, coalesced, and calls the state handlers there.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService workers;
    private final ObservableList<TaskHandle> running = FXCollections.observableArrayList();
    private final ObservableList<TaskHandle> readOnlyRunning = FXCollections.unmodifiableObservableList(running);

    public FxTaskRunner(int threads) {
        this.workers = Executors.newFixedThreadPool(threads, daemonThreads());
    }

    /** Two workers: one long job (training, import) and one short query can run side by side. */
    public FxTaskRunner() {
        this(2);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "kcwb-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        FxHandle<T> handle = new FxHandle<>(task);
        handle.setOnSucceeded(event -> {
            running.remove(handle);
            task.succeeded(handle.getValue());
        });
        handle.setOnFailed(event -> {
            running.remove(handle);
            task.failed(handle.getException());
        });
        handle.setOnCancelled(event -> {
            running.remove(handle);
            task.cancelled();
        });
        runOnFxThread(() -> running.add(handle));
        workers.execute(handle);
        return handle;
    }

    private static void runOnFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public ObservableList<TaskHandle> runningTasks() {
        return readOnlyRunning;
    }

    @Override
    public void shutdown() {
        for (TaskHandle handle : List.copyOf(running)) {
            handle.requestCancel();
        }
        workers.shutdownNow();
    }

    private static final class FxHandle<T> extends Task<T> implements TaskHandle {
        private final BackgroundTask<T> task;

        FxHandle(BackgroundTask<T> task) {
            this.task = task;
            updateTitle(task.title());
            updateProgress(-1, 1);
        }

        @Override
        protected T call() throws Exception {
            return task.run(new BackgroundTask.Progress() {
                @Override
                public void update(long done, long total) {
                    updateProgress(total <= 0 ? -1 : done, total <= 0 ? 1 : total);
                }

                @Override
                public void message(String message) {
                    updateMessage(message);
                }

                @Override
                public boolean isCancelled() {
                    return FxHandle.this.isCancelled();
                }
            });
        }

        @Override
        public String title() {
            return task.title();
        }

        @Override
        public void requestCancel() {
            cancel(true);
        }
    }
}
