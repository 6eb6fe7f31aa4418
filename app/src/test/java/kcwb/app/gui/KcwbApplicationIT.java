package kcwb.app.gui;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Application;
import org.junit.jupiter.api.Test;

/**
 * The real application class starts headless (Monocle, flags from the pom) and quits by itself after
 * {@code kcwb.exitAfterSeconds} — what the installers' smoke test relies on. Failsafe: it needs a fresh JVM,
 * because JavaFX can be launched once per process.
 */
class KcwbApplicationIT {
    @Test
    void startsAndExitsAfterTheConfiguredDelay() throws IOException {
        Path config = Files.createTempDirectory("kcwb-smoke");
        System.setProperty("kcwb.configDir", config.toString());
        System.setProperty(KcwbApplication.EXIT_AFTER_PROPERTY, "1");
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Application.launch(KcwbApplication.class));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 1, "exited too early: " + seconds + " s");
        assertTrue(Files.notExists(config.resolve("settings.json")), "a smoke run writes no settings");
    }
}
