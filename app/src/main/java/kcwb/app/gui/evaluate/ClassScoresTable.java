package kcwb.app.gui.evaluate;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import kcwb.app.gui.common.I18n;

/** Per-class (per-label) precision, recall, F1, the F1 delta against the previous evaluation, and support. */
final class ClassScoresTable {
    private ClassScoresTable() {}

    static TableView<EvaluateViewModel.ClassRow> build(I18n i18n, ObservableList<EvaluateViewModel.ClassRow> rows) {
        TableView<EvaluateViewModel.ClassRow> table = new TableView<>(rows);
        table.setId("evaluate-classes");
        table.setFixedCellSize(28);
        table.getColumns().add(column(i18n, "evaluate.col.label", 140, EvaluateViewModel.ClassRow::label));
        table.getColumns().add(column(i18n, "evaluate.col.precision", 90, r -> EvaluateFormat.number(r.precision())));
        table.getColumns().add(column(i18n, "evaluate.col.recall", 90, r -> EvaluateFormat.number(r.recall())));
        table.getColumns().add(column(i18n, "evaluate.col.f1", 90, r -> EvaluateFormat.number(r.f1())));
        table.getColumns().add(column(i18n, "evaluate.col.deltaF1", 90, r -> EvaluateFormat.delta(r.deltaF1())));
        table.getColumns().add(column(i18n, "evaluate.col.support", 80, r -> Long.toString(r.support())));
        table.setPlaceholder(new Label(i18n.get("evaluate.classes.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableColumn<EvaluateViewModel.ClassRow, String> column(I18n i18n, String key, double width,
            Function<EvaluateViewModel.ClassRow, String> value) {
        TableColumn<EvaluateViewModel.ClassRow, String> column = new TableColumn<>(i18n.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
