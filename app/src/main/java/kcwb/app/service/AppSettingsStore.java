package kcwb.app.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads and writes {@link AppSettings} as {@code settings.json} in the config directory:
 * the {@code kcwb.configDir} system property when set (tests point it at a temp dir so they never touch the
 * real home), else {@code $XDG_CONFIG_HOME/kcwb}, else {@code ~/.config/kcwb}.
 *
 * <p>Writes are atomic (temp file, then rename). A file that cannot be parsed is not overwritten silently:
 * it is moved aside to {@code settings.json.broken-<time>} and the defaults are used.
 */
public final class AppSettingsStore {
    public static final String CONFIG_DIR_PROPERTY = "kcwb.configDir";
    public static final String FILE_NAME = "settings.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;
    private Optional<Path> lastBroken = Optional.empty();

    public AppSettingsStore(Path directory) {
        this.directory = directory;
    }

    /** The store in the standard location for this user (see the class comment). */
    public static AppSettingsStore standard() {
        return new AppSettingsStore(standardDirectory(System.getProperty(CONFIG_DIR_PROPERTY), System.getenv(),
                Path.of(System.getProperty("user.home"))));
    }

    /** The lookup rule as a pure function, so it can be tested without touching the environment. */
    static Path standardDirectory(String configDirProperty, Map<String, String> env, Path home) {
        if (configDirProperty != null && !configDirProperty.isBlank()) {
            return Path.of(configDirProperty);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "kcwb");
        }
        return home.resolve(".config").resolve("kcwb");
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** The saved settings, or the defaults on first start or when the file is unreadable. */
    public AppSettings load() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return AppSettings.defaults();
        }
        try {
            AppSettings settings = JSON.readValue(file.toFile(), AppSettings.class);
            return settings == null ? AppSettings.defaults() : settings;
        } catch (IOException e) {
            moveAside(file, e);
            return AppSettings.defaults();
        }
    }

    /** Where a broken settings file was moved to on the last {@link #load()}, if that happened. */
    public Optional<Path> lastBrokenFile() {
        return lastBroken;
    }

    private void moveAside(Path file, IOException cause) {
        Path aside = file.resolveSibling(FILE_NAME + ".broken-" + Instant.now().toEpochMilli());
        try {
            Files.move(file, aside);
            lastBroken = Optional.of(aside);
            System.getLogger(AppSettingsStore.class.getName()).log(System.Logger.Level.WARNING,
                    "Unreadable settings " + file + " (" + cause.getMessage() + "); kept as " + aside);
        } catch (IOException moveFailed) {
            throw new UncheckedIOException("Cannot read " + file + " nor move it aside: " + cause.getMessage(),
                    moveFailed);
        }
    }

    public void save(AppSettings settings) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, FILE_NAME, ".tmp");
            JSON.writeValue(temp.toFile(), settings);
            try {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write settings to " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Loads, changes and saves in one step. */
    public AppSettings update(UnaryOperator<AppSettings> change) {
        AppSettings updated = change.apply(load());
        save(updated);
        return updated;
    }
}
