package kcwb.app.gui.common;

import javafx.collections.ObservableList;

/**
 * Runs {@link BackgroundTask}s off the FX thread. ViewModels receive one in their constructor:
 * {@link FxTaskRunner} in the app, {@link DirectTaskRunner} in tests (inline, deterministic, no threads).
 */
public interface TaskRunner {
    /** Starts the task and returns at once (the direct runner returns after the task has finished). */
    <T> TaskHandle submit(BackgroundTask<T> task);

    /** Tasks that are running now, oldest first; changes on the FX thread. The status bar shows the newest. */
    ObservableList<TaskHandle> runningTasks();

    /** Cancels running tasks and stops accepting new ones. */
    void shutdown();
}
