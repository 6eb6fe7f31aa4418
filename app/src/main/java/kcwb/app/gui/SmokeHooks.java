package kcwb.app.gui;

import java.lang.management.ManagementFactory;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Hooks for installer smoke tests and start-up measurements, off unless asked for:
 * {@code -Dkcwb.exitAfterSeconds=N} prints when the first window appeared (ms since JVM start) and
 * closes the app after N seconds with exit code 0.
 */
final class SmokeHooks {
    private SmokeHooks() {}

    static void afterFirstShow(Stage stage) {
        String exitAfter = System.getProperty(KcwbApplication.EXIT_AFTER_PROPERTY);
        if (exitAfter == null) {
            return;
        }
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.println("kcwb: first window shown " + sinceStart + " ms after JVM start");
        PauseTransition pause = new PauseTransition(Duration.seconds(Double.parseDouble(exitAfter)));
        pause.setOnFinished(e -> {
            System.err.println("kcwb: exiting after " + exitAfter + " s (kcwb.exitAfterSeconds)");
            Platform.exit();
        });
        pause.play();
    }
}
