package kcwb.app.service;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import kcwb.storage.StorageException;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;

/**
 * The open workspace of the GUI and the one thread that uses it. A storage {@link Workspace} holds one
 * connection and must be used from one thread at a time (docs/decisions/0003), so every call goes through
 * {@link #call}, which runs the work on this session's single thread and waits for it. Callers are background
 * tasks (TaskRunner workers), never the FX thread. Calls run in the order they arrive.
 */
public final class WorkspaceSession implements AutoCloseable {
    private final ExecutorService executor;
    private volatile Thread sessionThread;
    private volatile Path file;
    private Workspace workspace; // touched on the session thread only

    public WorkspaceSession() {
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kcwb-workspace");
            thread.setDaemon(true);
            sessionThread = thread;
            return thread;
        });
    }

    /** Opens an existing workspace file, closing the one open before; returns the absolute path. */
    public Path open(Path path) {
        return replace(path, () -> WorkspaceStore.open(path));
    }

    /** Creates a new workspace file (refuses an existing one) and opens it. */
    public Path create(Path path) {
        return replace(path, () -> WorkspaceStore.create(path));
    }

    /** Opens the file when it exists, else creates it with {@code init} (e.g. the demo data) and opens it. */
    public Path openOrInit(Path path, java.util.function.Consumer<Workspace> init) {
        return replace(path, () -> {
            if (java.nio.file.Files.exists(path)) {
                return WorkspaceStore.open(path);
            }
            Workspace created = WorkspaceStore.create(path);
            try {
                init.accept(created);
            } catch (RuntimeException e) {
                created.close();
                throw e;
            }
            return created;
        });
    }

    private Path replace(Path path, java.util.function.Supplier<Workspace> opener) {
        Path absolute = path.toAbsolutePath().normalize();
        return run(() -> {
            Workspace opened = opener.get();
            if (workspace != null) {
                workspace.close();
            }
            workspace = opened;
            file = absolute;
            return absolute;
        });
    }

    /** The open workspace's file, if any (readable from any thread). */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Runs {@code work} with the open workspace on the session thread and returns its result. */
    public <T> T call(Function<Workspace, T> work) {
        return run(() -> {
            if (workspace == null) {
                throw new StorageException("no workspace is open (File ▸ Open or New)");
            }
            return work.apply(workspace);
        });
    }

    private <T> T run(java.util.concurrent.Callable<T> work) {
        if (Thread.currentThread() == sessionThread) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Future<T> future = executor.submit(work);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the workspace", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Closes the workspace (on its thread) and stops the thread. */
    @Override
    public void close() {
        try {
            run(() -> {
                if (workspace != null) {
                    workspace.close();
                    workspace = null;
                    file = null;
                }
                return null;
            });
        } finally {
            executor.shutdown();
        }
    }
}
