package kcwb.app.service.models;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders the user exported from the app, newest first, in {@code exported-models.json} next to
 * settings.json. A file of its own (not a field of AppSettings) so the models view owns it; an unreadable
 * file reads as empty and is replaced on the next export.
 */
public final class ExportedModels {
    public static final String FILE_NAME = "exported-models.json";
    static final int MAX = 50;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public ExportedModels(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public synchronized List<Path> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> paths = JSON.readValue(file.toFile(), new TypeReference<List<String>>() {});
            return paths.stream().map(Path::of).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts {@code dir} first (moving it up if it was there), keeping at most {@value #MAX}. */
    public synchronized void remember(Path dir) throws IOException {
        List<String> paths = new ArrayList<>(list().stream().map(Path::toString).toList());
        String entry = dir.toAbsolutePath().normalize().toString();
        paths.remove(entry);
        paths.addFirst(entry);
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE_NAME + ".tmp");
        JSON.writeValue(temp.toFile(), paths.subList(0, Math.min(MAX, paths.size())));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
