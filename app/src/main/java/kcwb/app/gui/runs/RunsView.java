package kcwb.app.gui.runs;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import kcwb.app.gui.common.I18n;

/**
 * The runs screen: a toolbar (all projects, refresh, open, compare), the runs table, and below it the opened
 * run's charts, settings and checkpoints, or the comparison of two runs. Binding only.
 */
public final class RunsView {
    private final RunsViewModel viewModel;
    private final I18n i18n;

    public RunsView(RunsViewModel viewModel) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
    }

    public Parent build() {
        RunTable runTable = new RunTable(viewModel);
        TableView<RunRow> table = runTable.build();
        var selected = table.getSelectionModel().getSelectedItems();

        CheckBox allProjects = new CheckBox(i18n.get("runs.allProjects"));
        allProjects.setId("runs-all-projects");
        allProjects.selectedProperty().bindBidirectional(viewModel.allProjectsProperty());
        Button refresh = new Button(i18n.get("runs.refresh"));
        refresh.setId("runs-refresh");
        refresh.setOnAction(event -> viewModel.refresh());
        Button open = new Button(i18n.get("runs.open"));
        open.setId("runs-open");
        open.disableProperty().bind(Bindings.size(selected).isNotEqualTo(1));
        open.setOnAction(event -> viewModel.open(runTable.selectedIds().getFirst()));
        Button compare = new Button(i18n.get("runs.compare"));
        compare.setId("runs-compare");
        compare.disableProperty().bind(Bindings.size(selected).isNotEqualTo(2));
        compare.setOnAction(event -> {
            List<Long> ids = runTable.selectedIds();
            viewModel.compare(ids.get(0), ids.get(1));
        });
        table.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && selected.size() == 1) {
                viewModel.open(runTable.selectedIds().getFirst());
            }
        });
        Label title = new Label(i18n.get("nav.runs"));
        title.getStyleClass().add("view-title");
        Label message = new Label();
        message.setId("runs-message");
        message.textProperty().bind(viewModel.messageProperty());
        HBox toolbar = new HBox(10, title, allProjects, refresh, open, compare, message);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(8, 12, 8, 12));

        TabPane tabs = tabs();
        SplitPane split = new SplitPane(table, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        BorderPane root = new BorderPane(split);
        root.setTop(toolbar);
        return root;
    }

    private TabPane tabs() {
        RunChartsPane charts = new RunChartsPane(i18n, "runs-charts");
        Tab chartTab = tab("runs-tab-charts", "runs.tab.charts", charts.build(i18n.get("runs.openHint")));
        Tab settingsTab = tab("runs-tab-settings", "runs.tab.settings", new SettingsPane(viewModel).build());
        Tab checkpointsTab = tab("runs-tab-checkpoints", "runs.tab.checkpoints", new CheckpointsPane(viewModel).build());
        Tab compareTab = tab("runs-tab-compare", "runs.tab.compare", new ComparePane(viewModel).build());
        TabPane tabs = new TabPane(chartTab, settingsTab, checkpointsTab, compareTab);
        tabs.setId("runs-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        viewModel.openedProperty().addListener((obs, old, details) -> {
            if (details != null) {
                charts.show(List.of(new RunChartsPane.Named(details.row().name(), details.curves())));
                chartTab.setText(i18n.get("runs.tab.chartsOf", details.row().name()));
                if (old == null || old.runId() != details.runId()) {
                    tabs.getSelectionModel().select(chartTab);
                }
            }
        });
        viewModel.comparisonProperty().addListener((obs, old, comparison) -> {
            if (comparison != null) {
                tabs.getSelectionModel().select(compareTab);
            }
        });
        return tabs;
    }

    private Tab tab(String id, String textKey, javafx.scene.Node content) {
        Tab tab = new Tab(i18n.get(textKey), content);
        tab.setId(id);
        return tab;
    }
}
