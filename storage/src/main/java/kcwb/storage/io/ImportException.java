package kcwb.storage.io;

import kcwb.storage.StorageException;

/** The whole import cannot run (missing file, unknown column, bad header); the message names file and line. */
public final class ImportException extends StorageException {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
