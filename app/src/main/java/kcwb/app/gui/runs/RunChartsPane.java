package kcwb.app.gui.runs;

import java.util.List;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Color;
import kcwb.app.gui.chart.ChartSeries;
import kcwb.app.gui.chart.MetricChart;
import kcwb.app.gui.chart.SeriesStyle;
import kcwb.app.gui.common.I18n;

/**
 * The charts of one run, or of two runs overlaid: training loss (raw + smoothed), eval loss, the eval metric
 * and the learning rate, drawn from the stored events with {@link MetricChart}.
 */
final class RunChartsPane {
    /** A run's curves under the name its series carry (its run name, or A / B when compared). */
    record Named(String name, RunCurves curves) {}

    private static final List<Color> COLORS = List.of(Color.web("#4E79A7"), Color.web("#F28E2B"));
    private final I18n i18n;
    private final String id;
    private final GridPane root = new GridPane(8, 8);

    RunChartsPane(I18n i18n, String id) {
        this.i18n = i18n;
        this.id = id;
    }

    /** Before the first {@link #show}, {@code hint} says what to do. */
    Parent build(String hint) {
        root.setId(id);
        root.setPadding(new javafx.geometry.Insets(8));
        root.add(new javafx.scene.control.Label(hint), 0, 0, 2, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            root.getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            root.getRowConstraints().add(row);
        }
        return root;
    }

    /** Replaces the charts with these runs' curves (each run one colour in every chart). */
    void show(List<Named> runs) {
        String metric = runs.stream().map(run -> run.curves().metricName()).filter(m -> m != null).findFirst().orElse("metric");
        List<MetricChart> charts = List.of(
                chart("runs-chart-train-loss", i18n.get("runs.chart.trainLoss"), runs, RunCurves::trainLoss, true),
                chart("runs-chart-eval-loss", i18n.get("runs.chart.evalLoss"), runs, RunCurves::evalLoss, false),
                chart("runs-chart-metric", i18n.get("runs.chart.metric", metric), runs, RunCurves::evalMetric, false),
                chart("runs-chart-lr", i18n.get("runs.chart.learningRate"), runs, RunCurves::learningRate, false));
        root.getChildren().clear();
        for (int i = 0; i < charts.size(); i++) {
            root.add(charts.get(i), i % 2, i / 2);
        }
    }

    private static MetricChart chart(String chartId, String title, List<Named> runs,
            Function<RunCurves, List<RunCurves.Point>> curve, boolean smoothed) {
        MetricChart chart = new MetricChart(title);
        chart.setId(chartId);
        chart.setMinSize(160, 120);
        for (int i = 0; i < runs.size(); i++) {
            Color color = COLORS.get(i % COLORS.size());
            SeriesStyle style = smoothed ? SeriesStyle.smoothedLine(color) : SeriesStyle.line(color).withLineWidth(2);
            ChartSeries series = chart.addSeries(runs.get(i).name(), style);
            for (RunCurves.Point point : curve.apply(runs.get(i).curves())) {
                series.append(point.step(), point.value());
            }
        }
        return chart;
    }
}
