package kcwb.app.gui.runs;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import kcwb.app.gui.common.I18n;

/** Two runs compared: their curves overlaid on the same charts and a table of the settings that differ. */
final class ComparePane {
    private final RunsViewModel viewModel;
    private final I18n i18n;
    private final RunChartsPane charts;

    ComparePane(RunsViewModel viewModel) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
        this.charts = new RunChartsPane(i18n, "runs-compare-charts");
    }

    Parent build() {
        TableView<ConfigDiff.Row> diff = new TableView<>();
        diff.setId("runs-diff");
        diff.setPlaceholder(new Label(i18n.get("runs.diff.none")));
        TableColumn<ConfigDiff.Row, String> key = column(i18n.get("runs.settings.key"), ConfigDiff.Row::key);
        TableColumn<ConfigDiff.Row, String> a = column("A", ConfigDiff.Row::valueA);
        TableColumn<ConfigDiff.Row, String> b = column("B", ConfigDiff.Row::valueB);
        key.setPrefWidth(150);
        a.setPrefWidth(120);
        b.setPrefWidth(120);
        diff.getColumns().setAll(List.of(key, a, b));
        Label title = new Label(i18n.get("runs.compareHint"));
        title.setId("runs-compare-title");
        viewModel.comparisonProperty().addListener((obs, old, comparison) -> {
            if (comparison == null) {
                return;
            }
            title.setText(i18n.get("runs.compareTitle", comparison.a().row().name(), comparison.b().row().name()));
            a.setText("A: " + comparison.a().row().name());
            b.setText("B: " + comparison.b().row().name());
            diff.getItems().setAll(comparison.diff());
            charts.show(List.of(new RunChartsPane.Named("A", comparison.a().curves()),
                    new RunChartsPane.Named("B", comparison.b().curves())));
        });
        javafx.scene.control.SplitPane body = new javafx.scene.control.SplitPane(charts.build(i18n.get("runs.compareHint")), diff);
        body.setDividerPositions(0.66);
        VBox root = new VBox(8, title, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.setPadding(new Insets(8));
        return root;
    }

    private static TableColumn<ConfigDiff.Row, String> column(String title, Function<ConfigDiff.Row, String> value) {
        TableColumn<ConfigDiff.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue()) == null
                ? "—" : value.apply(cell.getValue())));
        return column;
    }
}
