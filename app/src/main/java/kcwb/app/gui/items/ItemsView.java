package kcwb.app.gui.items;

import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;
import kcwb.app.gui.common.I18n;
import kcwb.storage.item.Split;

/** The item table: a filter bar over a virtualized TableView; double-click opens the item for labeling. */
public final class ItemsView {
    private final ItemsViewModel viewModel;
    private final I18n i18n;
    private final LongConsumer openItem;
    private final Runnable importFile;
    private final BorderPane root = new BorderPane();
    private final TableView<ItemRowViewModel> table = new TableView<>();

    /** {@code importFile} opens the import dialog. */
    public ItemsView(ItemsViewModel viewModel, LongConsumer openItem, Runnable importFile) {
        this.importFile = importFile;
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
        this.openItem = openItem;
        root.setTop(filterBar());
        root.setCenter(table());
    }

    public Parent root() {
        return root;
    }

    private FlowPane filterBar() {
        ComboBox<String> label = new ComboBox<>();
        label.setId("items-filter-label");
        label.setConverter(allOr(i18n.get("items.all"), value -> value));
        viewModel.labelNames().addListener((ListChangeListener<String>) change -> {
            label.getItems().setAll("");
            label.getItems().addAll(viewModel.labelNames());
        });
        label.getItems().setAll("");
        label.getItems().addAll(viewModel.labelNames());
        label.valueProperty().addListener((obs, old, value) -> viewModel.labelProperty().set(
                value == null || value.isEmpty() ? null : value));
        ComboBox<String> split = new ComboBox<>();
        split.setId("items-filter-split");
        split.getItems().addAll("", "train", "dev", "test");
        split.setConverter(allOr(i18n.get("items.all"), value -> value));
        split.valueProperty().addListener((obs, old, value) -> viewModel.splitProperty().set(
                value == null || value.isEmpty() ? null : Split.fromKey(value)));
        TextField annotator = new TextField();
        annotator.setId("items-filter-annotator");
        annotator.setPromptText(i18n.get("items.annotator"));
        annotator.setPrefColumnCount(8);
        annotator.textProperty().bindBidirectional(viewModel.annotatorProperty());
        TextField text = new TextField();
        text.setId("items-filter-text");
        text.setPromptText(i18n.get("items.search"));
        text.setPrefColumnCount(14);
        text.textProperty().bindBidirectional(viewModel.textProperty());
        text.setOnAction(event -> viewModel.apply());
        annotator.setOnAction(event -> viewModel.apply());
        CheckBox unlabeled = check("items.unlabeled", "items-filter-unlabeled");
        unlabeled.selectedProperty().bindBidirectional(viewModel.unlabeledOnlyProperty());
        CheckBox disagreement = check("items.disagreement", "items-filter-disagreement");
        disagreement.selectedProperty().bindBidirectional(viewModel.disagreementOnlyProperty());
        CheckBox uncertainty = check("items.byUncertainty", "items-sort-uncertainty");
        uncertainty.selectedProperty().bindBidirectional(viewModel.byUncertaintyProperty());
        Button apply = new Button(i18n.get("items.apply"));
        apply.setId("items-apply");
        apply.setDefaultButton(false);
        apply.setOnAction(event -> viewModel.apply());
        Button importButton = new Button(i18n.get("items.import"));
        importButton.setId("items-import");
        importButton.setOnAction(event -> importFile.run());
        Label summary = new Label();
        summary.setId("items-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        FlowPane bar = new FlowPane(10, 8, new Label(i18n.get("items.label")), label, new Label(i18n.get("items.split")), split,
                annotator, text, unlabeled, disagreement, uncertainty, apply, importButton, summary);
        bar.setPadding(new Insets(10, 16, 10, 16));
        return bar;
    }

    private CheckBox check(String key, String id) {
        CheckBox box = new CheckBox(i18n.get(key));
        box.setId(id);
        return box;
    }

    private static StringConverter<String> allOr(String all, Function<String, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? all : show.apply(value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        };
    }

    private TableView<ItemRowViewModel> table() {
        table.setId("items-table");
        table.setFixedCellSize(28); // fixed height: the virtual flow never measures a million rows
        table.itemsProperty().bind(viewModel.rowsProperty());
        table.getColumns().add(column("items.col.id", 70, row -> Long.toString(row.id())));
        TableColumn<ItemRowViewModel, String> text = column("items.col.text", 520, ItemRowViewModel::text);
        table.getColumns().add(text);
        table.getColumns().add(column("items.col.labels", 220, ItemRowViewModel::labels));
        table.getColumns().add(column("items.col.split", 60, ItemRowViewModel::split));
        table.getColumns().add(column("items.col.prediction", 90, ItemRowViewModel::prediction));
        table.getColumns().add(column("items.col.uncertainty", 90, ItemRowViewModel::uncertainty));
        table.getColumns().forEach(column -> column.setSortable(false)); // order comes from storage
        table.setPlaceholder(new Label(i18n.get("items.empty")));
        table.setRowFactory(view -> {
            TableRow<ItemRowViewModel> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && row.getItem() != null) {
                    openItem.accept(row.getItem().id());
                }
            });
            return row;
        });
        return table;
    }

    private TableColumn<ItemRowViewModel, String> column(String key, double width, Function<ItemRowViewModel, String> value) {
        TableColumn<ItemRowViewModel, String> column = new TableColumn<>(i18n.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> Bindings.createStringBinding(() -> value.apply(cell.getValue()),
                cell.getValue().rowProperty()));
        return column;
    }
}
