package kcwb.app.gui.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import kcwb.app.gui.common.UiThrottle;

/**
 * A line chart for training metrics drawn on a {@link Canvas}, so it stays fast at 100k+ steps: every redraw
 * thins each series to ~2 points per pixel column ({@link SeriesThinner}), and data changes redraw at most
 * ~10 times a second ({@link UiThrottle}). Title and legend are ordinary labels (CSS fonts, Korean glyphs);
 * clicking a legend entry hides or shows its series. Hovering the plot shows the nearest point.
 *
 * <pre>{@code
 * MetricChart loss = new MetricChart("Training loss");
 * ChartSeries train = loss.addSeries("train", SeriesStyle.smoothedLine(Color.STEELBLUE));
 * train.append(step, value);          // FX thread; cheap, redraw is coalesced
 * }</pre>
 *
 * Style classes: {@code metric-chart}, {@code chart-title}, {@code chart-legend}, {@code chart-legend-entry}.
 */
public final class MetricChart extends Region {
    private final Label title = new Label();
    private final FlowPane legend = new FlowPane(12, 2);
    private final VBox header = new VBox(2, title, legend);
    private final Canvas canvas = new Canvas();
    private final List<ChartSeries> series = new ArrayList<>();
    private final UiThrottle<Boolean> redraws = UiThrottle.latestWins(UiThrottle.DEFAULT_INTERVAL, ignored -> redrawIfDirty());
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");

    private boolean dirty;
    private long redrawCount;
    private String stepName = "step";
    private double visibleFrom = Double.NaN;
    private double visibleTo = Double.NaN;
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;
    private PlotFrame frame;
    private List<ChartPainter.Drawn> drawn = List.of();

    public MetricChart(String titleText) {
        getStyleClass().add("metric-chart");
        title.setText(titleText);
        title.getStyleClass().add("chart-title");
        legend.getStyleClass().add("chart-legend");
        getChildren().addAll(header, canvas);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, event -> hover(event.getX(), event.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, event -> hover(Double.NaN, Double.NaN));
        setMinSize(160, 120);
        setPrefSize(480, 260);
    }

    /** Adds a series (drawn in the order added) and its legend entry. */
    public ChartSeries addSeries(String name, SeriesStyle style) {
        ChartSeries added = new ChartSeries(name, style, this::markDirty);
        series.add(added);
        Rectangle swatch = new Rectangle(14, 4, style.color());
        Label entry = new Label(name, swatch);
        entry.getStyleClass().add("chart-legend-entry");
        entry.setOnMouseClicked(event -> {
            added.setVisible(!added.isVisible());
            entry.setOpacity(added.isVisible() ? 1 : 0.4);
        });
        legend.getChildren().add(entry);
        markDirty();
        return added;
    }

    public List<ChartSeries> series() {
        return Collections.unmodifiableList(series);
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    /** The word the hover text uses for the x axis (default "step"). */
    public void setStepName(String name) {
        stepName = name;
    }

    /** Shows only steps {@code from…to}; {@link #clearVisibleRange()} goes back to the whole data. */
    public void setVisibleRange(long from, long to) {
        if (to <= from) {
            throw new IllegalArgumentException("empty step range: " + from + " … " + to);
        }
        visibleFrom = from;
        visibleTo = to;
        markDirty();
    }

    public void clearVisibleRange() {
        visibleFrom = Double.NaN;
        visibleTo = Double.NaN;
        markDirty();
    }

    /** "name · step 120 · 0.4321" of the point nearest the mouse, or "" when the mouse is not over a point. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** How many times the plot was drawn: tests check the coalescing with it. */
    public long redrawCount() {
        return redrawCount;
    }

    /** Draws now (FX thread), e.g. before a snapshot; data changes otherwise redraw on their own. */
    public void redrawNow() {
        dirty = false;
        redraw();
    }

    private void markDirty() {
        if (!dirty) {
            dirty = true;
            redraws.offer(Boolean.TRUE);
        }
    }

    private void redrawIfDirty() {
        if (dirty) {
            redrawNow();
        }
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double headerHeight = header.prefHeight(width);
        header.resizeRelocate(snappedLeftInset(), snappedTopInset(), width, headerHeight);
        double canvasHeight = Math.max(0, getHeight() - snappedTopInset() - snappedBottomInset() - headerHeight);
        canvas.relocate(snappedLeftInset(), snappedTopInset() + headerHeight);
        if (canvas.getWidth() != width || canvas.getHeight() != canvasHeight) {
            canvas.setWidth(Math.max(0, width));
            canvas.setHeight(canvasHeight);
            redrawNow();
        }
    }

    private void redraw() {
        redrawCount++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        frame = null;
        drawn = List.of();
        double plotWidth = canvas.getWidth() - ChartPainter.LEFT_MARGIN - ChartPainter.RIGHT_MARGIN;
        double plotHeight = canvas.getHeight() - ChartPainter.TOP_MARGIN - ChartPainter.BOTTOM_MARGIN;
        double[] steps = stepRange();
        if (plotWidth < 10 || plotHeight < 10 || steps == null) {
            hoverText.set("");
            return;
        }
        List<ChartPainter.Drawn> thinned = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : series) {
            if (!s.isVisible() || s.size() == 0) {
                continue;
            }
            ThinnedPoints raw = SeriesThinner.thin(s.raw(), steps[0], steps[1], (int) plotWidth);
            ThinnedPoints smooth = s.style().smoothed()
                    ? SeriesThinner.thin(s.smoothed(), steps[0], steps[1], (int) plotWidth) : raw;
            for (int i = 0; i < raw.size(); i++) {
                if (raw.steps()[i] >= steps[0] && raw.steps()[i] <= steps[1]) {
                    min = Math.min(min, raw.values()[i]);
                    max = Math.max(max, raw.values()[i]);
                }
            }
            thinned.add(new ChartPainter.Drawn(s, raw, smooth));
        }
        if (thinned.isEmpty() || min > max) {
            hoverText.set("");
            return;
        }
        double[] values = PlotFrame.padded(min, max, 0.05);
        frame = new PlotFrame(ChartPainter.LEFT_MARGIN, ChartPainter.TOP_MARGIN, plotWidth, plotHeight,
                steps[0], steps[1], values[0], values[1]);
        drawn = thinned;
        Font font = Font.font(title.getFont().getFamily(), 11);
        ChartPainter.axes(g, frame, font);
        ChartPainter.series(g, frame, drawn);
        drawHover(g, font);
    }

    /** The steps shown: the visible range, else from the first to the last step of the visible series. */
    private double[] stepRange() {
        if (!Double.isNaN(visibleFrom)) {
            return new double[] {visibleFrom, visibleTo};
        }
        double from = Double.POSITIVE_INFINITY;
        double to = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : series) {
            if (s.isVisible() && s.size() > 0) {
                from = Math.min(from, s.raw().firstStep());
                to = Math.max(to, s.raw().lastStep());
            }
        }
        if (from > to) {
            return null;
        }
        return from == to ? new double[] {from - 1, to + 1} : new double[] {from, to};
    }

    private void hover(double x, double y) {
        mouseX = x;
        mouseY = y;
        if (frame == null) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        redrawCount++;
        Font font = Font.font(title.getFont().getFamily(), 11);
        ChartPainter.axes(g, frame, font);
        ChartPainter.series(g, frame, drawn);
        drawHover(g, font);
    }

    /** Marks the point nearest the mouse (in pixels, over all visible series) and shows its step and value. */
    private void drawHover(GraphicsContext g, Font font) {
        if (Double.isNaN(mouseX) || !frame.contains(mouseX, mouseY)) {
            hoverText.set("");
            return;
        }
        ChartSeries best = null;
        int bestIndex = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (ChartPainter.Drawn d : drawn) {
            PointSeries points = d.series().raw();
            int index = points.nearestIndex(frame.stepAt(mouseX));
            if (index < 0 || !Double.isFinite(points.value(index))) {
                continue;
            }
            double distance = Math.hypot(frame.x(points.step(index)) - mouseX, frame.y(points.value(index)) - mouseY);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = d.series();
                bestIndex = index;
            }
        }
        if (best == null) {
            hoverText.set("");
            return;
        }
        long step = best.raw().step(bestIndex);
        double value = best.raw().value(bestIndex);
        String text = best.name() + " · " + stepName + " " + step + " · " + number(value);
        if (best.style().smoothed()) {
            text += " (" + number(best.smoothed().value(bestIndex)) + ")";
        }
        hoverText.set(text);
        ChartPainter.hover(g, frame, frame.x(step), frame.y(value), best.style().color(), text, font);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
