package kcwb.app.gui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop app's main window. */
public final class KcwbApplication extends Application {
    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("Kc Workbench"));
        stage.setTitle("Kc Workbench");
        stage.setScene(new Scene(root, 1100, 720));
        stage.show();
        SmokeHooks.afterFirstShow(stage);
    }
}
