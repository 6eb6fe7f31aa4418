package kcwb.app.gui.models;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.models.GpuSetupService;
import kcwb.app.service.models.GpuStatus;

/** The GPU section of the models view: device and why, engine details, "Get GPU libraries". Binding only. */
final class GpuPane {
    private final GpuViewModel viewModel;
    private final I18n i18n;

    GpuPane(GpuViewModel viewModel) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
    }

    Parent build() {
        Label verdict = new Label();
        verdict.setId("models-gpu-verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("title-4");
        verdict.textProperty().bind(viewModel.verdictProperty());
        GridPane facts = new GridPane(12, 4);
        facts.setId("models-gpu-facts");
        viewModel.statusProperty().addListener((obs, old, status) -> fill(facts, status));

        Button check = new Button(i18n.get("models.gpu.check"));
        check.setId("models-gpu-check");
        check.setOnAction(event -> viewModel.check());
        ComboBox<String> flavor = new ComboBox<>();
        flavor.setId("models-gpu-flavor");
        flavor.getItems().setAll(GpuSetupService.FLAVORS);
        flavor.valueProperty().bindBidirectional(viewModel.flavorProperty());
        Button get = new Button(i18n.get("models.gpu.get"));
        get.setId("models-gpu-get");
        get.disableProperty().bind(viewModel.busyProperty());
        get.setOnAction(event -> viewModel.getLibraries());
        Button cancel = new Button(i18n.get("models.pull.cancel"));
        cancel.disableProperty().bind(viewModel.busyProperty().not());
        cancel.setOnAction(event -> viewModel.cancelDownload());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Label message = new Label();
        message.setId("models-gpu-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.downloadMessageProperty());
        Label hint = new Label(i18n.get("models.gpu.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, check, new Label(i18n.get("models.gpu.flavor")), flavor, get, cancel, busy);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TitledPane pane = new TitledPane(i18n.get("models.gpu.title"), new VBox(8, verdict, facts, actions, message, hint));
        pane.setId("models-gpu");
        return pane;
    }

    private void fill(GridPane facts, GpuStatus status) {
        facts.getChildren().clear();
        if (status == null) {
            return;
        }
        String none = i18n.get("models.gpu.unset");
        row(facts, 0, "models.gpu.engine", status.engine());
        row(facts, 1, "models.gpu.device", status.device().isEmpty() ? none : status.device());
        row(facts, 2, "models.gpu.cuda", status.cudaFound() ? status.cudaVersion() : i18n.get("models.gpu.noCuda"));
        row(facts, 3, "models.gpu.names", status.gpuNames().isEmpty() ? i18n.get("models.gpu.noCuda") : String.join(", ", status.gpuNames()));
        row(facts, 4, "models.gpu.libtorch", status.libtorchPath());
        row(facts, 5, "models.gpu.flavorEnv", status.flavor().isEmpty() ? none : status.flavor());
        row(facts, 6, "models.gpu.libraryPath", status.libraryPath().isEmpty() ? none : status.libraryPath());
        row(facts, 7, "models.gpu.cache", status.djlCache());
    }

    private void row(GridPane facts, int index, String key, String value) {
        Label name = new Label(i18n.get(key));
        name.getStyleClass().add("text-muted");
        Label text = new Label(value);
        text.setWrapText(true);
        facts.addRow(index, name, text);
    }
}
