package kcwb.app.gui.shell;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import kcwb.app.gui.common.I18n;

/** Bottom line: workspace (or the last status message), annotator, and the newest background task. */
final class StatusBar {
    private final MainViewModel viewModel;

    StatusBar(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    HBox build() {
        I18n i18n = viewModel.i18n();
        Label status = new Label();
        status.setId("status-message");
        status.textProperty().bind(viewModel.statusMessageProperty());
        status.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label task = new Label();
        task.setId("status-task");
        task.textProperty().bind(viewModel.taskTextProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("status-progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(viewModel.taskProgressProperty());
        Button cancel = new Button(i18n.get("status.cancel"));
        cancel.setId("status-cancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(event -> viewModel.cancelShownTask());
        for (var node : java.util.List.of(task, progress, cancel)) {
            node.visibleProperty().bind(viewModel.taskRunningProperty());
            node.managedProperty().bind(viewModel.taskRunningProperty());
        }

        Label annotator = new Label();
        annotator.setId("status-annotator");
        annotator.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("status.annotator", viewModel.annotatorProperty().get().isEmpty()
                        ? i18n.get("status.annotator.none") : viewModel.annotatorProperty().get()),
                viewModel.annotatorProperty()));

        HBox bar = new HBox(12, status, spacer, task, progress, cancel, annotator);
        bar.getStyleClass().add("kcwb-status-bar");
        return bar;
    }
}
