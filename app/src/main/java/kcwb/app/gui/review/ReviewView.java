package kcwb.app.gui.review;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import kcwb.app.gui.common.EmojiText;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.review.AcceptPlan;
import kcwb.app.service.review.ModelChoice;
import kcwb.app.service.review.ReviewRow;
import kcwb.app.service.train.WorkspacePredictor.Scope;

/**
 * The review screen: a predict bar (checkpoint, scope, Predict / Cancel, progress), the queue most uncertain first
 * (Enter or double-click opens the item for labeling) and the bulk-accept bar, which asks before writing.
 */
public final class ReviewView {
    private final ReviewViewModel viewModel;
    private final I18n i18n;
    private final LongConsumer openItem;
    private final BorderPane root = new BorderPane();
    private final TableView<ReviewRow> table = new TableView<>();

    public ReviewView(ReviewViewModel viewModel, LongConsumer openItem) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
        this.openItem = openItem;
        root.getStyleClass().add("review-view");
        root.setTop(new VBox(predictBar(), filterBar()));
        root.setCenter(table());
        root.setBottom(acceptBar());
        viewModel.pendingPlanProperty().addListener((obs, old, plan) -> {
            if (plan != null) {
                confirm(plan);
            }
        });
    }

    public Parent root() {
        return root;
    }

    private FlowPane predictBar() {
        ComboBox<ModelChoice> model = new ComboBox<>(viewModel.models());
        model.setId("review-model");
        model.setPrefWidth(340);
        model.valueProperty().bindBidirectional(viewModel.modelProperty());
        model.setConverter(converter(this::describe));
        model.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ModelChoice choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : describe(choice));
            }
        });
        Button folder = button("review.folder", "review-folder", () -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(i18n.get("review.folder.title"));
            File dir = chooser.showDialog(root.getScene().getWindow());
            if (dir != null) {
                viewModel.useFolder(dir.toPath());
            }
        });
        ComboBox<Scope> scope = new ComboBox<>();
        scope.setId("review-scope");
        scope.getItems().setAll(Scope.values());
        scope.setConverter(converter(value -> i18n.get("review.scope." + value.name().toLowerCase(Locale.ROOT))));
        scope.valueProperty().bindBidirectional(viewModel.scopeProperty());
        Button predict = button("review.predict", "review-predict", viewModel::predict);
        predict.getStyleClass().add("accent");
        predict.disableProperty().bind(viewModel.predictingProperty().or(viewModel.modelProperty().isNull()));
        Button cancel = button("review.cancel", "review-cancel", viewModel::cancelPredict);
        cancel.disableProperty().bind(viewModel.predictingProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("review-progress");
        progress.progressProperty().bind(viewModel.predictProgressProperty());
        progress.visibleProperty().bind(viewModel.predictingProperty());
        FlowPane bar = new FlowPane(10, 8, new Label(i18n.get("review.model")), model, folder,
                new Label(i18n.get("review.scope")), scope, predict, cancel, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 16, 6, 16));
        return bar;
    }

    private String describe(ModelChoice choice) {
        if (choice.runId() == null) {
            return i18n.get("review.model.folder", choice.dir().toString());
        }
        return i18n.get(choice.best() ? "review.model.best" : "review.model.checkpoint", choice.runName(), choice.step());
    }

    private FlowPane filterBar() {
        ComboBox<String> label = new ComboBox<>();
        label.setId("review-filter-label");
        label.setConverter(converter(value -> value.isEmpty() ? i18n.get("review.filter.all") : value));
        Runnable fill = () -> {
            String chosen = viewModel.labelFilterProperty().get();
            label.getItems().setAll("");
            label.getItems().addAll(viewModel.predictedLabels());
            label.setValue(chosen == null ? "" : chosen);
        };
        viewModel.predictedLabels().addListener((ListChangeListener<String>) change -> fill.run());
        fill.run();
        label.valueProperty().addListener((obs, old, value) -> viewModel.labelFilterProperty().set(
                value == null || value.isEmpty() ? null : value));
        Label summary = new Label();
        summary.setId("review-summary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("review.summary",
                viewModel.visibleRows().size(), viewModel.queue().size()), viewModel.visibleRows(), viewModel.queue()));
        Label message = new Label();
        message.setId("review-message");
        message.getStyleClass().add("review-message");
        message.textProperty().bind(viewModel.messageProperty());
        FlowPane bar = new FlowPane(10, 8, new Label(i18n.get("review.filter.label")), label, summary, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 16, 8, 16));
        return bar;
    }

    private TableView<ReviewRow> table() {
        table.setId("review-table");
        table.setFixedCellSize(28);
        table.setItems(viewModel.visibleRows());
        table.getColumns().add(column("review.col.id", 70, row -> Long.toString(row.itemId())));
        table.getColumns().add(column("review.col.text", 460, row -> EmojiText.withNames(row.text())));
        table.getColumns().add(column("review.col.predicted", 110, ReviewRow::predictedText));
        table.getColumns().add(column("review.col.confidence", 90, row -> Math.round(row.confidence() * 100) + "%"));
        table.getColumns().add(column("review.col.uncertainty", 100,
                row -> row.uncertainty() == null ? "" : String.format(Locale.ROOT, "%.3f", row.uncertainty())));
        table.getColumns().add(column("review.col.current", 140, row -> String.join(", ", row.currentLabels())));
        table.getColumns().forEach(column -> column.setSortable(false)); // the queue order is the point
        table.setPlaceholder(new Label(i18n.get("review.empty")));
        table.setRowFactory(view -> {
            TableRow<ReviewRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && row.getItem() != null) {
                    openItem.accept(row.getItem().itemId());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            ReviewRow selected = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                openItem.accept(selected.itemId());
                event.consume();
            }
        });
        return table;
    }

    private FlowPane acceptBar() {
        Spinner<Double> threshold = new Spinner<>();
        threshold.setId("review-threshold");
        threshold.setEditable(true);
        threshold.setPrefWidth(100);
        SpinnerValueFactory.DoubleSpinnerValueFactory values =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(0.0, 1.0, viewModel.minConfidenceProperty().get(), 0.01);
        values.setConverter(converter(value -> String.format(Locale.ROOT, "%.2f", value), Double::valueOf));
        threshold.setValueFactory(values);
        values.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                viewModel.minConfidenceProperty().set(value);
            }
        });
        Label preview = new Label();
        preview.setId("review-accept-preview");
        preview.textProperty().bind(viewModel.acceptPreviewProperty());
        Button accept = button("review.accept", "review-accept", viewModel::planAccept);
        accept.disableProperty().bind(viewModel.predictingProperty());
        Button undo = button("review.undoAccept", "review-undo-accept", viewModel::undoAccept);
        undo.disableProperty().bind(viewModel.lastAcceptProperty().isNull());
        FlowPane bar = new FlowPane(10, 8, new Label(i18n.get("review.accept.threshold")), threshold, preview, accept, undo);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 10, 16));
        bar.getStyleClass().add("review-accept-bar");
        return bar;
    }

    private void confirm(AcceptPlan plan) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        alert.setTitle(i18n.get("review.confirm.title"));
        alert.setHeaderText(i18n.get("review.confirm.header", plan.count(), String.format(Locale.ROOT, "%.2f", plan.minConfidence())));
        alert.setContentText(i18n.get("review.confirm.body", ReviewViewModel.formatCounts(plan.perLabel())));
        alert.getDialogPane().setId("review-confirm");
        alert.getDialogPane().lookupButton(ButtonType.OK).setId("review-confirm-ok");
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setId("review-confirm-cancel");
        if (alert.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
            viewModel.confirmAccept();
        } else {
            viewModel.discardPlan();
        }
    }

    private Button button(String key, String id, Runnable action) {
        Button button = new Button(i18n.get(key));
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private TableColumn<ReviewRow, String> column(String key, double width, Function<ReviewRow, String> value) {
        TableColumn<ReviewRow, String> column = new TableColumn<>(i18n.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return converter(show, text -> null);
    }

    private static <T> StringConverter<T> converter(Function<T, String> show, Function<String, T> parse) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                try {
                    return parse.apply(text.strip());
                } catch (RuntimeException e) {
                    return null;
                }
            }
        };
    }
}
