package kcwb.app.gui.progress;

import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import kcwb.app.gui.common.I18n;

/** The progress screen: a bar for labelled/total and three bar charts. Binding only. */
public final class ProgressView {
    private final ProgressViewModel viewModel;
    private final I18n i18n;
    private final Label total = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final BarChart<String, Number> perLabel = chart("progress.perLabel");
    private final BarChart<String, Number> perAnnotator = chart("progress.perAnnotator");
    private final BarChart<String, Number> perHour = chart("progress.perHour");

    public ProgressView(ProgressViewModel viewModel) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
    }

    public Parent build() {
        total.setId("progress-total");
        total.getStyleClass().add("view-title");
        bar.setPrefWidth(400);
        Button refresh = new Button(i18n.get("progress.refresh"));
        refresh.setId("progress-refresh");
        refresh.setOnAction(event -> viewModel.refresh());
        Label message = new Label();
        message.textProperty().bind(viewModel.messageProperty());
        perLabel.setId("progress-per-label");
        HBox charts = new HBox(12, perLabel, perAnnotator);
        charts.getChildren().forEach(chart -> HBox.setHgrow(chart, Priority.ALWAYS));
        VBox root = new VBox(12, new HBox(12, total, bar, refresh, message), charts, perHour);
        root.setPadding(new Insets(16));
        viewModel.snapshotProperty().addListener((obs, old, snapshot) -> show(snapshot));
        show(viewModel.snapshotProperty().get());
        return root;
    }

    private BarChart<String, Number> chart(String titleKey) {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setTitle(viewModel == null ? "" : null);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setUserData(titleKey);
        chart.setPrefHeight(260);
        return chart;
    }

    private void show(ProgressViewModel.Snapshot snapshot) {
        for (BarChart<String, Number> chart : java.util.List.of(perLabel, perAnnotator, perHour)) {
            chart.setTitle(i18n.get((String) chart.getUserData()));
        }
        if (snapshot == null) {
            total.setText("");
            bar.setProgress(0);
            return;
        }
        total.setText(i18n.get("progress.total", snapshot.labelled(), snapshot.total()));
        bar.setProgress(snapshot.total() == 0 ? 0 : (double) snapshot.labelled() / snapshot.total());
        fill(perLabel, snapshot.perLabel());
        fill(perAnnotator, snapshot.perAnnotator());
        fill(perHour, ProgressViewModel.hourLabels(snapshot.perHour()));
    }

    private static void fill(BarChart<String, Number> chart, Map<String, Long> counts) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        counts.forEach((key, count) -> series.getData().add(new XYChart.Data<>(key, count)));
        chart.getData().setAll(java.util.List.of(series));
    }
}
