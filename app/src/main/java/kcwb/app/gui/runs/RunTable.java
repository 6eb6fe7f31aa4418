package kcwb.app.gui.runs;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import kcwb.app.gui.common.I18n;

/**
 * The runs table: one row per run, several selectable; a header click asks the view model to sort. Rows are
 * copied from the view model's list so a refresh keeps the selected runs selected.
 */
final class RunTable {
    private final RunsViewModel viewModel;
    private final I18n i18n;
    private final ObservableList<RunRow> shown = FXCollections.observableArrayList();
    private final TableView<RunRow> table = new TableView<>(shown);
    private final ZoneId zone = ZoneId.systemDefault();

    RunTable(RunsViewModel viewModel) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
    }

    TableView<RunRow> build() {
        table.setId("runs-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new javafx.scene.control.Label(i18n.get("runs.none")));
        TableColumn<RunRow, String> project = column("runs.col.project", RunSort.PROJECT, RunRow::projectName);
        project.visibleProperty().bind(viewModel.allProjectsProperty());
        table.getColumns().setAll(List.of(project,
                column("runs.col.name", RunSort.NAME, RunRow::name),
                column("runs.col.state", RunSort.STATE, row -> RunFormat.state(i18n, row.state())),
                column("runs.col.started", RunSort.STARTED, row -> RunFormat.started(row.startedAt(), zone)),
                column("runs.col.duration", RunSort.DURATION, row -> RunFormat.duration(row.duration())),
                column("runs.col.base", RunSort.BASE_MODEL, RunRow::baseModel),
                column("runs.col.epochs", RunSort.EPOCHS, row -> RunFormat.number(row.epochs())),
                column("runs.col.batch", RunSort.BATCH, row -> RunFormat.number(row.batchSize())),
                column("runs.col.lr", RunSort.LEARNING_RATE, row -> RunFormat.learningRate(row.learningRate())),
                column("runs.col.maxLen", RunSort.MAX_LENGTH, row -> RunFormat.number(row.maxLength())),
                column("runs.col.dataset", RunSort.DATASET, RunRow::datasetHash),
                column("runs.col.best", RunSort.BEST_METRIC, row -> row.bestMetric() == null ? ""
                        : RunFormat.metric(row.bestMetric()) + " (" + row.metricName() + ")")));
        table.setSortPolicy(sorted -> {
            if (!sorted.getSortOrder().isEmpty()) {
                TableColumn<RunRow, ?> first = sorted.getSortOrder().getFirst();
                viewModel.sortBy((RunSort) first.getUserData(), first.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        table.setRowFactory(view -> {
            TableRow<RunRow> row = new TableRow<>();
            row.itemProperty().addListener((obs, old, item) -> row.setTooltip(
                    item == null || item.message() == null ? null : new Tooltip(item.message())));
            return row;
        });
        viewModel.rows().addListener((ListChangeListener<RunRow>) change -> copyKeepingSelection());
        copyKeepingSelection();
        return table;
    }

    private void copyKeepingSelection() {
        Set<Long> selected = new HashSet<>(selectedIds());
        shown.setAll(viewModel.rows());
        for (int i = 0; i < shown.size(); i++) {
            if (selected.contains(shown.get(i).id())) {
                table.getSelectionModel().select(i);
            }
        }
    }

    List<Long> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream().map(RunRow::id).toList();
    }

    private TableColumn<RunRow, String> column(String titleKey, RunSort sort, Function<RunRow, String> value) {
        TableColumn<RunRow, String> column = new TableColumn<>(i18n.get(titleKey));
        column.setUserData(sort);
        column.setId("runs-col-" + sort.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
