package kcwb.app.gui.runs;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import kcwb.app.gui.common.I18n;
import kcwb.storage.item.Split;

/** The opened run's checkpoints: step, epoch, stored metrics, ★ for the best, folder, on-demand evaluation. */
final class CheckpointsPane {
    private final RunsViewModel viewModel;
    private final I18n i18n;
    private final TableView<CheckpointRow> table = new TableView<>();

    CheckpointsPane(RunsViewModel viewModel) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
    }

    Parent build() {
        table.setId("runs-checkpoints");
        table.setPlaceholder(new Label(i18n.get("runs.checkpoints.none")));
        table.getColumns().setAll(List.of(
                column("runs.ckpt.best", row -> new ReadOnlyStringWrapper(row.best() ? "★" : "")),
                column("runs.ckpt.step", row -> new ReadOnlyStringWrapper(Long.toString(row.step()))),
                column("runs.ckpt.epoch", row -> new ReadOnlyStringWrapper(RunFormat.epoch(row.epoch()))),
                column("runs.ckpt.loss", row -> new ReadOnlyStringWrapper(RunFormat.metric(row.metric("loss")))),
                column("runs.ckpt.accuracy", row -> new ReadOnlyStringWrapper(RunFormat.metric(row.metric("accuracy")))),
                column("runs.ckpt.macroF1", row -> new ReadOnlyStringWrapper(RunFormat.metric(row.metric("macro_f1")))),
                column("runs.ckpt.folder", row -> new ReadOnlyStringWrapper(row.folder().getFileName().toString())),
                column("runs.ckpt.result", CheckpointRow::resultProperty)));
        table.getColumns().getLast().setPrefWidth(420);
        viewModel.openedProperty().addListener((obs, old, details) ->
                table.getItems().setAll(details == null ? List.of() : details.checkpoints()));
        var noneSelected = table.getSelectionModel().selectedItemProperty().isNull();
        Button dev = button("runs-eval-dev", "runs.eval.dev", noneSelected);
        dev.setOnAction(event -> viewModel.evaluate(selected(), Split.DEV));
        Button test = button("runs-eval-test", "runs.eval.test", noneSelected);
        test.setOnAction(event -> viewModel.evaluate(selected(), Split.TEST));
        Button open = button("runs-open-evaluate", "runs.eval.openView", noneSelected);
        open.setOnAction(event -> viewModel.openInEvaluateView(selected()));
        Button train = button("runs-open-train", "runs.openTrain", noneSelected);
        train.setOnAction(event -> viewModel.openInTrainView(selected()));
        Label result = new Label();
        result.setId("runs-eval-result");
        result.textProperty().bind(viewModel.evaluationResultProperty());
        result.setWrapText(true);
        VBox root = new VBox(8, new HBox(8, dev, test, open, train), table, result);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(8));
        return root;
    }

    private CheckpointRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private Button button(String id, String textKey, javafx.beans.binding.BooleanBinding disabled) {
        Button button = new Button(i18n.get(textKey));
        button.setId(id);
        button.disableProperty().bind(disabled.or(Bindings.createBooleanBinding(
                () -> selected() != null && selected().evaluatingProperty().get(), table.getSelectionModel().selectedItemProperty())));
        return button;
    }

    private TableColumn<CheckpointRow, String> column(String titleKey, Function<CheckpointRow, ObservableValue<String>> value) {
        TableColumn<CheckpointRow, String> column = new TableColumn<>(i18n.get(titleKey));
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }
}
