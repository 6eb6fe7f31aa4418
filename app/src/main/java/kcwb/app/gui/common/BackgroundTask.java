package kcwb.app.gui.common;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to run in the background and what to do with the outcome. The work runs off the FX thread;
 * every callback runs on the FX thread (with {@link DirectTaskRunner}: inline, on the caller's thread).
 *
 * <pre>{@code
 * taskRunner.submit(BackgroundTask.of(i18n.get("task.import"), progress -> importer.run(file, progress))
 *         .onSuccess(report -> reportProperty.set(report))
 *         .onFailure(error -> errorProperty.set(error.getMessage())));
 * }</pre>
 *
 * @param <T> the result of the work
 */
public final class BackgroundTask<T> {
    /** The work itself. It reports progress and checks {@link Progress#isCancelled()} between steps. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** Handed to the work: report progress and a message; ask whether the user cancelled. */
    public interface Progress {
        void update(long done, long total);

        void message(String message);

        boolean isCancelled();
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> {};
    private Consumer<? super Throwable> onFailure = error -> {};
    private Runnable onCancelled = () -> {};
    private Runnable onFinished = () -> {};

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** A task with a user-visible title (already translated) that the status bar shows while it runs. */
    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable callback) {
        this.onCancelled = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs after success, failure or cancellation. */
    public BackgroundTask<T> onFinished(Runnable callback) {
        this.onFinished = Objects.requireNonNull(callback);
        return this;
    }

    public String title() {
        return title;
    }

    T run(Progress progress) throws Exception {
        return work.run(progress);
    }

    void succeeded(T result) {
        try {
            onSuccess.accept(result);
        } finally {
            onFinished.run();
        }
    }

    void failed(Throwable error) {
        try {
            onFailure.accept(error);
        } finally {
            onFinished.run();
        }
    }

    void cancelled() {
        try {
            onCancelled.run();
        } finally {
            onFinished.run();
        }
    }
}
