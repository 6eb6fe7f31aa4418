package kcwb.training.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes the resume state beside a checkpoint's HF files: {@value #STATE_FILE} (JSON) and
 * {@value #OPTIMIZER_FILE} (the AdamW moments as safetensors, via DJL). Each file is written to a temporary
 * name and moved into place, so a crash never leaves a half-written state that looks complete.
 */
public final class TrainingStateStore {
    public static final String STATE_FILE = "kcwb-trainer-state.json";
    public static final String OPTIMIZER_FILE = "kcwb-optimizer.safetensors";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainingStateStore() {}

    /** Whether {@code dir} holds a resumable state. */
    public static boolean isResumable(Path dir) {
        return Files.isRegularFile(dir.resolve(STATE_FILE));
    }

    public static void save(Path dir, TrainingState state, AdamW optimizer) throws IOException {
        NDList moments = optimizer.stateArrays();
        if (!moments.isEmpty()) {
            Path temporary = dir.resolve(OPTIMIZER_FILE + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                moments.encode(out, NDList.Encoding.SAFETENSORS);
            }
            Files.move(temporary, dir.resolve(OPTIMIZER_FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        Path temporary = dir.resolve(STATE_FILE + ".tmp");
        JSON.writeValue(temporary.toFile(), state);
        Files.move(temporary, dir.resolve(STATE_FILE), StandardCopyOption.REPLACE_EXISTING);
    }

    public static TrainingState readState(Path dir) throws IOException {
        Path file = dir.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not a resumable checkpoint: " + STATE_FILE + " is missing");
        }
        try {
            TrainingState state = JSON.readValue(file.toFile(), TrainingState.class);
            if (state.formatVersion() != TrainingState.FORMAT_VERSION) {
                throw new IOException(file + ": state format " + state.formatVersion() + " is not supported (expected "
                        + TrainingState.FORMAT_VERSION + ")");
            }
            return state;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is not a valid trainer state: " + e.getOriginalMessage(), e);
        }
    }

    /** The saved moments (empty before the first optimiser step), in {@code manager}. */
    public static NDList readOptimizer(Path dir, NDManager manager) throws IOException {
        Path file = dir.resolve(OPTIMIZER_FILE);
        if (!Files.isRegularFile(file)) {
            return new NDList();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return NDList.decode(manager, in);
        } catch (RuntimeException e) {
            throw new IOException(file + " could not be read as safetensors: " + e.getMessage(), e);
        }
    }
}
