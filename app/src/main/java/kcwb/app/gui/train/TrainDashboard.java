package kcwb.app.gui.train;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import kcwb.app.gui.chart.ChartSeries;
import kcwb.app.gui.chart.MetricChart;
import kcwb.app.gui.chart.SeriesStyle;
import kcwb.app.gui.common.I18n;

/**
 * The live half of the Train view: progress, device, throughput, elapsed, ETA and three {@link MetricChart}s
 * (training loss raw + smoothed with eval loss, the eval metric, the learning rate), fed by {@link LiveMetrics}.
 */
final class TrainDashboard {
    static final Color TRAIN_COLOR = Color.web("#1f77b4");
    static final Color EVAL_COLOR = Color.web("#d62728");
    static final Color METRIC_COLOR = Color.web("#2ca02c");
    static final Color LR_COLOR = Color.web("#9467bd");

    private final LiveMetrics live;
    private final I18n i18n;
    private final MetricChart lossChart;
    private final MetricChart metricChart;
    private final MetricChart lrChart;
    private final Map<LiveMetrics.Series, ChartSeries> series = new EnumMap<>(LiveMetrics.Series.class);

    TrainDashboard(LiveMetrics live, I18n i18n) {
        this.live = live;
        this.i18n = i18n;
        lossChart = chart("train-chart-loss", i18n.get("train.chart.loss"));
        metricChart = chart("train-chart-metric", i18n.get("train.chart.metric", live.metricNameProperty().get()));
        lrChart = chart("train-chart-lr", i18n.get("train.chart.lr"));
        series.put(LiveMetrics.Series.TRAIN_LOSS, lossChart.addSeries(i18n.get("train.series.train"), SeriesStyle.smoothedLine(TRAIN_COLOR)));
        series.put(LiveMetrics.Series.EVAL_LOSS, lossChart.addSeries(i18n.get("train.series.dev"), SeriesStyle.points(EVAL_COLOR)));
        series.put(LiveMetrics.Series.EVAL_METRIC, metricChart.addSeries(i18n.get("train.series.dev"), SeriesStyle.points(METRIC_COLOR)));
        series.put(LiveMetrics.Series.LEARNING_RATE, lrChart.addSeries(i18n.get("train.series.lr"), SeriesStyle.line(LR_COLOR)));
        live.metricNameProperty().addListener((obs, old, name) -> metricChart.setTitle(i18n.get("train.chart.metric", name)));
        live.setFeed(new LiveMetrics.ChartFeed() {
            @Override
            public void append(LiveMetrics.Series which, long step, double value) {
                series.get(which).append(step, value);
            }

            @Override
            public void clear() {
                series.values().forEach(ChartSeries::clear);
            }
        });
    }

    private MetricChart chart(String id, String title) {
        MetricChart chart = new MetricChart(title);
        chart.setId(id);
        chart.setStepName(i18n.get("train.chart.step"));
        chart.setMinHeight(150);
        return chart;
    }

    Node build() {
        ProgressBar bar = new ProgressBar();
        bar.setId("train-progress");
        bar.progressProperty().bind(live.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label step = bound("train-step", live.stepTextProperty());
        HBox progressRow = new HBox(10, bar, step);

        HBox stats = new HBox(18, bound("train-device", live.deviceProperty()), bound("train-throughput", live.throughputProperty()),
                bound("train-elapsed", live.elapsedProperty()), bound("train-eta", live.etaProperty()),
                bound("train-last-eval", live.lastEvalProperty()));

        GridPane charts = new GridPane();
        charts.setHgap(12);
        charts.setVgap(8);
        charts.add(lossChart, 0, 0, 2, 1);
        charts.add(metricChart, 0, 1);
        charts.add(lrChart, 1, 1);
        for (MetricChart chart : new MetricChart[] {lossChart, metricChart, lrChart}) {
            GridPane.setHgrow(chart, Priority.ALWAYS);
            GridPane.setVgrow(chart, Priority.ALWAYS);
        }
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        charts.getColumnConstraints().addAll(half, half);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox box = new VBox(8, progressRow, stats, charts);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private static Label bound(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    MetricChart lossChart() {
        return lossChart;
    }
}
