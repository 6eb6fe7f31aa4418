package kcwb.app.gui.models;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.models.ModelDescription;

/** The models screen: the local models table, the selected model's details and actions, and the GPU section. */
public final class ModelsView {
    private final ModelsViewModel viewModel;
    private final I18n i18n;
    private final Runnable openGetModel;
    private final Runnable openExport;
    private final Parent gpuSection;

    /**
     * @param openGetModel opens the "Get a model" dialog
     * @param openExport opens the export dialog for the selected checkpoint
     */
    public ModelsView(ModelsViewModel viewModel, Runnable openGetModel, Runnable openExport, Parent gpuSection) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
        this.openGetModel = openGetModel;
        this.openExport = openExport;
        this.gpuSection = gpuSection;
    }

    public Parent build() {
        Label title = new Label(i18n.get("nav.models"));
        title.getStyleClass().addAll("title-2", "view-title");
        Button get = new Button(i18n.get("models.get"));
        get.setId("models-get");
        get.getStyleClass().add("accent");
        get.setOnAction(event -> openGetModel.run());
        Button refresh = new Button(i18n.get("models.refresh"));
        refresh.setId("models-refresh");
        refresh.setOnAction(event -> viewModel.refresh());
        Label message = new Label();
        message.setId("models-message");
        message.textProperty().bind(viewModel.messageProperty());
        HBox top = new HBox(12, title, get, refresh, message);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TableView<ModelRow> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox root = new VBox(12, top, table, details(), gpuSection);
        root.setPadding(new Insets(16));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private TableView<ModelRow> table() {
        TableView<ModelRow> table = new TableView<>(viewModel.rows());
        table.setId("models-table");
        table.setPlaceholder(new Label(i18n.get("models.list.empty")));
        table.getColumns().add(column("models.col.source", 90,
                row -> i18n.get("models.source." + row.model().source().name().toLowerCase(Locale.ROOT))));
        table.getColumns().add(column("models.col.name", 170, row -> row.model().name()));
        table.getColumns().add(column("models.col.detail", 200, row -> row.model().detail()));
        table.getColumns().add(column("models.col.architecture", 220, row -> row.description().readable()
                ? row.description().architecture() : i18n.get("models.unreadable")));
        table.getColumns().add(column("models.col.vocab", 60, row -> row.description().readable()
                ? String.valueOf(row.description().vocabSize()) : ""));
        table.getColumns().add(column("models.col.labels", 150, row -> String.join(", ", row.description().labels())));
        table.getColumns().add(column("models.col.tokenizer", 85, row -> tokenizer(row.description())));
        table.getColumns().add(column("models.col.size", 80, row -> GetModelViewModel.megabytes(row.description().sizeBytes())));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> viewModel.selectedProperty().set(row));
        viewModel.selectedProperty().addListener((obs, old, row) -> {
            if (row != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(row);
            }
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(240);
        return table;
    }

    private VBox details() {
        Label info = new Label();
        info.setId("models-info");
        info.setWrapText(true);
        info.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        viewModel.selectedProperty().addListener((obs, old, row) -> info.setText(row == null ? "" : describe(row)));
        Button check = new Button(i18n.get("models.check"));
        check.setId("models-check");
        check.disableProperty().bind(viewModel.selectedProperty().isNull());
        check.setOnAction(event -> viewModel.checkSelected());
        Button export = new Button(i18n.get("models.export"));
        export.setId("models-export");
        export.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.selectedProperty().get() == null || !viewModel.selectedProperty().get().model().exportable(),
                viewModel.selectedProperty()));
        export.setOnAction(event -> openExport.run());
        TextArea result = new TextArea();
        result.setId("models-check-result");
        result.setEditable(false);
        result.setWrapText(true);
        result.setPrefRowCount(3);
        result.textProperty().bind(viewModel.loadCheckProperty());
        return new VBox(8, info, new HBox(8, check, export), result);
    }

    private String describe(ModelRow row) {
        ModelDescription d = row.description();
        String where = i18n.get("models.info.folder", row.model().dir());
        if (!d.readable()) {
            return where + "\n" + i18n.get("models.info.problem", d.problem());
        }
        return where + "\n" + i18n.get("models.info.summary", d.architecture(), d.vocabSize(), d.hiddenSize(), d.layers(),
                String.format(Locale.ROOT, "%,d", d.parameterCount()), d.weightFormat(), tokenizer(d),
                d.labels().isEmpty() ? i18n.get("models.info.noLabels") : String.join(", ", d.labels()),
                GetModelViewModel.megabytes(d.sizeBytes()));
    }

    private String tokenizer(ModelDescription d) {
        return i18n.get("models.tokenizer." + d.tokenizer().name().toLowerCase(Locale.ROOT));
    }

    private TableColumn<ModelRow, String> column(String key, double width, Function<ModelRow, String> value) {
        TableColumn<ModelRow, String> column = new TableColumn<>(i18n.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
