package kcwb.training.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint that cannot be read, written or loaded; the message names the file and the tensor. */
public class CheckpointException extends IOException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }

    static CheckpointException inFile(Path file, String message) {
        return new CheckpointException(file + ": " + message);
    }

    static CheckpointException inTensor(Path file, String tensor, String message) {
        return new CheckpointException(file + ": tensor '" + tensor + "': " + message);
    }
}
