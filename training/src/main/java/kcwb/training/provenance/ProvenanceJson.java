package kcwb.training.provenance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@link RunProvenance} as pretty JSON; writes go through a temporary file and a move. */
public final class ProvenanceJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProvenanceJson() {}

    public static String toJson(RunProvenance provenance) {
        try {
            return JSON.writeValueAsString(provenance) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("provenance cannot be serialised", e);
        }
    }

    public static RunProvenance fromJson(String json) throws IOException {
        return JSON.readValue(json, RunProvenance.class);
    }

    /** Writes {@value RunProvenance#FILE_NAME} into {@code dir}. */
    public static void write(Path dir, RunProvenance provenance) throws IOException {
        Files.createDirectories(dir);
        Path temporary = dir.resolve(RunProvenance.FILE_NAME + ".tmp");
        Files.writeString(temporary, toJson(provenance), StandardCharsets.UTF_8);
        Files.move(temporary, dir.resolve(RunProvenance.FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads {@value RunProvenance#FILE_NAME} from a run, checkpoint or export folder. */
    public static RunProvenance read(Path dir) throws IOException {
        Path file = dir.resolve(RunProvenance.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " has no " + RunProvenance.FILE_NAME);
        }
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(file + ": not a valid provenance record: " + e.getMessage(), e);
        }
    }
}
