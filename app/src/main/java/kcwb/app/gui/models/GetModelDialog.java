package kcwb.app.gui.models;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import kcwb.app.gui.common.I18n;

/** The "Get a model" dialog: repo + revision, token, offline; per-file and total progress; cancel. Binding only. */
public final class GetModelDialog {
    private final GetModelViewModel viewModel;
    private final I18n i18n;

    public GetModelDialog(GetModelViewModel viewModel) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
    }

    /** Shows the dialog without blocking; closing it while a pull runs cancels the pull (its bytes are kept). */
    public Dialog<Void> show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("models.pull.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("get-model-dialog");
        dialog.getDialogPane().setPrefWidth(720);
        dialog.setOnHidden(event -> viewModel.cancel());
        dialog.show();
        return dialog;
    }

    VBox content() {
        ComboBox<String> repo = new ComboBox<>();
        repo.setId("get-model-repo");
        repo.setEditable(true);
        repo.getItems().setAll(GetModelViewModel.DEFAULT_REPO);
        repo.setPrefWidth(320);
        repo.getEditor().textProperty().bindBidirectional(viewModel.repoProperty());
        ComboBox<String> revision = new ComboBox<>();
        revision.setId("get-model-revision");
        revision.setEditable(true);
        revision.getItems().setAll(GetModelViewModel.REVISIONS);
        revision.getEditor().textProperty().bindBidirectional(viewModel.revisionProperty());
        PasswordField token = new PasswordField();
        token.setId("get-model-token");
        token.setPromptText(viewModel.tokenSource());
        token.textProperty().bindBidirectional(viewModel.tokenProperty());
        CheckBox offline = new CheckBox(i18n.get("models.pull.offline"));
        offline.setId("get-model-offline");
        offline.selectedProperty().bindBidirectional(viewModel.offlineProperty());

        GridPane form = new GridPane(10, 8);
        form.addRow(0, new Label(i18n.get("models.pull.repo")), repo);
        form.addRow(1, new Label(i18n.get("models.pull.revision")), revision, new Label(i18n.get("models.pull.revisionHint")));
        form.addRow(2, new Label(i18n.get("models.pull.token")), token, new Label(i18n.get("models.pull.tokenHint")));
        form.add(offline, 1, 3, 2, 1);
        Label cache = new Label(i18n.get("models.pull.cache", viewModel.cacheDir()));
        cache.getStyleClass().add("text-muted");
        form.add(cache, 0, 4, 3, 1);

        Button start = new Button(i18n.get("models.pull.start"));
        start.setId("get-model-start");
        start.setDefaultButton(true);
        start.disableProperty().bind(viewModel.runningProperty());
        start.setOnAction(event -> viewModel.pull());
        Button cancel = new Button(i18n.get("models.pull.cancel"));
        cancel.setId("get-model-cancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(event -> viewModel.cancel());

        Label file = new Label();
        file.setId("get-model-file");
        file.textProperty().bind(Bindings.concat(i18n.get("models.pull.file"), " ", viewModel.currentFileProperty()));
        ProgressBar fileBar = bar("get-model-file-progress");
        fileBar.progressProperty().bind(viewModel.fileProgressProperty());
        ProgressBar totalBar = bar("get-model-total-progress");
        totalBar.progressProperty().bind(viewModel.totalProgressProperty());
        Label speed = new Label();
        speed.setId("get-model-speed");
        speed.textProperty().bind(viewModel.speedProperty());
        Label message = new Label();
        message.setId("get-model-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.getStyleClass().add("title-4");
        Label detail = new Label();
        detail.setId("get-model-error");
        detail.setWrapText(true);
        detail.textProperty().bind(viewModel.errorDetailProperty());
        detail.getStyleClass().add("text-muted");
        ListView<String> log = new ListView<>(viewModel.log());
        log.setId("get-model-log");
        log.setPrefHeight(140);

        GridPane bars = new GridPane(10, 6);
        bars.addRow(0, file, fileBar);
        bars.addRow(1, new Label(i18n.get("models.pull.total")), totalBar);
        GridPane.setHgrow(fileBar, Priority.ALWAYS);
        VBox box = new VBox(10, form, new HBox(8, start, cancel), bars, speed, message, detail, log);
        box.setPadding(new Insets(8));
        return box;
    }

    private static ProgressBar bar(String id) {
        ProgressBar bar = new ProgressBar(0);
        bar.setId(id);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefWidth(420);
        return bar;
    }
}
