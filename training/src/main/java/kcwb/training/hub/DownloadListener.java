package kcwb.training.hub;

import java.nio.file.Path;

/**
 * What a pull reports while it runs; every method has a no-op default. Called on the downloading
 * thread: a GUI hops to its UI thread itself. Progress comes at most every {@value #PROGRESS_INTERVAL_MS}
 * ms per file, plus once when a file completes.
 */
public interface DownloadListener {
    long PROGRESS_INTERVAL_MS = 200;

    DownloadListener NONE = new DownloadListener() {};

    /** A download starts; {@code resumedFrom} bytes were already on disk from an interrupted run. */
    default void fileStarted(String file, long totalBytes, long resumedFrom) {}

    default void progress(DownloadProgress progress) {}

    /** A file is in the snapshot: {@code downloaded} is false when it was already in the cache. */
    default void fileReady(String file, Path path, boolean downloaded) {}

    /** An optional file (or a fallback candidate) the revision does not have. */
    default void fileSkipped(String file, String reason) {}

    /** Something the user should know that does not stop the pull (a retry, a cache fallback). */
    default void warning(String message) {}

    /**
     * Polled between chunks, between files and by the stall watchdog: true stops the pull with a
     * {@link HubException.Reason#CANCELLED} error, keeping the bytes already written so the next pull
     * resumes them (HTTP Range). Called from the downloading thread and the watchdog thread.
     */
    default boolean isCancelled() {
        return false;
    }
}
