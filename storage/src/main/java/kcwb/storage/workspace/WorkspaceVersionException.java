package kcwb.storage.workspace;

import java.nio.file.Path;
import kcwb.storage.StorageException;

/** The file was written by a newer Kc Workbench (or is not a workspace); it was left untouched. */
public final class WorkspaceVersionException extends StorageException {
    private static final long serialVersionUID = 1L;

    public WorkspaceVersionException(Path file, String message) {
        super(file + ": " + message);
    }
}
