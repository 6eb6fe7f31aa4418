package kcwb.app.gui;

import javafx.application.Application;

/** Starts the JavaFX application. Kept apart from {@link KcwbApplication} so the CLI loads no JavaFX class. */
public final class KcwbGui {
    private KcwbGui() {}

    public static void launch(String... args) {
        Application.launch(KcwbApplication.class, args);
    }
}
