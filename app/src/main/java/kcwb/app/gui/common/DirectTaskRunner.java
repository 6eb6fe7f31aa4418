package kcwb.app.gui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * For tests: runs each task inline on the calling thread, so a ViewModel test sees the outcome as soon as
 * {@code submit} returns. Cancellation is simulated with {@link #cancelNextTasks(boolean)}: the work then
 * sees {@code isCancelled() == true} from its first check on.
 */
public final class DirectTaskRunner implements TaskRunner {
    private final ObservableList<TaskHandle> running = FXCollections.observableArrayList();
    private final ObservableList<TaskHandle> readOnlyRunning = FXCollections.unmodifiableObservableList(running);
    private boolean cancelTasks;
    private int submitted;

    /** Makes the following tasks see a cancellation request (to test a ViewModel's cancel path). */
    public void cancelNextTasks(boolean cancel) {
        this.cancelTasks = cancel;
    }

    /** How many tasks were submitted; lets a test assert that work really went through the runner. */
    public int submittedCount() {
        return submitted;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        submitted++;
        InlineHandle handle = new InlineHandle(task.title(), cancelTasks);
        running.add(handle);
        handle.running.set(true);
        try {
            T result = task.run(handle);
            finish(handle);
            if (handle.cancelled) {
                task.cancelled();
            } else {
                task.succeeded(result);
            }
        } catch (Exception | Error error) {
            finish(handle);
            if (handle.cancelled) {
                task.cancelled();
            } else {
                task.failed(error);
            }
        }
        return handle;
    }

    private void finish(InlineHandle handle) {
        handle.running.set(false);
        running.remove(handle);
    }

    @Override
    public ObservableList<TaskHandle> runningTasks() {
        return readOnlyRunning;
    }

    @Override
    public void shutdown() {
        // Nothing runs in the background.
    }

    private static final class InlineHandle implements TaskHandle, BackgroundTask.Progress {
        private final String title;
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
        private boolean cancelled;

        InlineHandle(String title, boolean cancelled) {
            this.title = title;
            this.cancelled = cancelled;
        }

        @Override
        public void update(long done, long total) {
            progress.set(total <= 0 ? -1 : (double) done / total);
        }

        @Override
        public void message(String text) {
            message.set(text);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyBooleanProperty runningProperty() {
            return running.getReadOnlyProperty();
        }

        @Override
        public void requestCancel() {
            cancelled = true;
        }
    }
}
