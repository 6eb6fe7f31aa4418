package kcwb.training.hub;

import java.io.IOException;

/**
 * A download or cache lookup that failed for a reason the user can act on. The message says what
 * (repo, revision, file) and what to do; {@link #reason()} lets callers pick an exit code or a dialog.
 */
public final class HubException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why a hub operation failed. */
    public enum Reason {
        /** The hub could not be reached (DNS, refused connection, timeout). */
        NETWORK,
        /** The repository does not exist (or is private and no valid token was sent). */
        REPO_NOT_FOUND,
        /** The repository exists but the branch, tag or commit does not. */
        REVISION_NOT_FOUND,
        /** A required file is not in the revision. */
        FILE_NOT_FOUND,
        /** 401/403: a token is missing, invalid, or lacks access (gated repository). */
        UNAUTHORIZED,
        /** Not enough free space for the download, or the disk filled up while writing. */
        DISK_FULL,
        /** The downloaded bytes do not match the size or sha256 the hub announced. */
        CHECKSUM_MISMATCH,
        /** Offline mode (or no network) and the files are not in the local cache. */
        NOT_CACHED,
        /** The server answered something a Hugging Face hub never answers (missing headers, 5xx). */
        PROTOCOL,
        /** The listener asked to stop ({@link DownloadListener#isCancelled()}); partial files are kept. */
        CANCELLED
    }

    private final Reason reason;
    private final String commit;

    public HubException(Reason reason, String message) {
        this(reason, message, null);
    }

    public HubException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, null);
    }

    /** An error the hub tied to a commit (X-Repo-Commit on a 404 for a file). */
    public HubException(Reason reason, String message, Throwable cause, String commit) {
        super(message, cause);
        this.reason = reason;
        this.commit = commit;
    }

    public Reason reason() {
        return reason;
    }

    /** The commit the hub named with the error, if it named one. */
    public java.util.Optional<String> commit() {
        return java.util.Optional.ofNullable(commit);
    }
}
