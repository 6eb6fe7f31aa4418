package kcwb.app.gui.evaluate;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import kcwb.app.gui.common.EmojiText;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.evaluate.ItemResult;

/** A table of evaluated items (id, text, gold, predicted, confidence); double-click or Enter opens one. */
final class ItemResultTable {
    private ItemResultTable() {}

    static TableView<ItemResult> build(I18n i18n, String id, ObservableList<ItemResult> items, String emptyKey,
            Consumer<ItemResult> open) {
        TableView<ItemResult> table = new TableView<>(items);
        table.setId(id);
        table.setFixedCellSize(28);
        table.getColumns().add(column(i18n, "evaluate.col.id", 70, r -> Long.toString(r.itemId())));
        table.getColumns().add(column(i18n, "evaluate.col.text", 560, r -> EmojiText.withNames(r.text())));
        table.getColumns().add(column(i18n, "evaluate.col.gold", 140, ItemResult::goldText));
        table.getColumns().add(column(i18n, "evaluate.col.predicted", 140, ItemResult::predictedText));
        table.getColumns().add(column(i18n, "evaluate.col.confidence", 100, r -> EvaluateFormat.number(r.confidence())));
        table.getColumns().forEach(column -> column.setSortable(false)); // the order is the point: surest errors first
        table.setPlaceholder(new Label(i18n.get(emptyKey)));
        table.setRowFactory(view -> {
            TableRow<ItemResult> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        return table;
    }

    private static TableColumn<ItemResult, String> column(I18n i18n, String key, double width,
            Function<ItemResult, String> value) {
        TableColumn<ItemResult, String> column = new TableColumn<>(i18n.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
