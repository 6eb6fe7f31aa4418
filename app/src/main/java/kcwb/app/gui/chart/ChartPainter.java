package kcwb.app.gui.chart;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Draws axes, grid, thinned series and the hover marker onto a canvas. Stateless; {@link MetricChart} owns the state. */
final class ChartPainter {
    static final double LEFT_MARGIN = 58;
    static final double BOTTOM_MARGIN = 22;
    static final double TOP_MARGIN = 8;
    static final double RIGHT_MARGIN = 14;

    private static final Color AXIS = Color.gray(0.5);
    private static final Color GRID = Color.gray(0.5, 0.18);
    private static final Color TEXT = Color.gray(0.45);

    /** One series as drawn this time: its style and the thinned raw and smoothed points. */
    record Drawn(ChartSeries series, ThinnedPoints raw, ThinnedPoints smoothed) {}

    private ChartPainter() {}

    static void axes(GraphicsContext g, PlotFrame frame, Font font) {
        g.setFont(font);
        g.setLineWidth(1);
        g.setFill(TEXT);
        AxisTicks yTicks = AxisTicks.of(frame.minValue(), frame.maxValue(), Math.max(2, (int) (frame.height() / 40)));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < yTicks.count(); i++) {
            double y = Math.round(frame.y(yTicks.value(i))) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(frame.left(), y, frame.left() + frame.width(), y);
            g.fillText(yTicks.label(i), frame.left() - 6, y);
        }
        AxisTicks xTicks = AxisTicks.of(frame.fromStep(), frame.toStep(), Math.max(2, (int) (frame.width() / 80)));
        int xDecimals = 0;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < xTicks.count(); i++) {
            double step = xTicks.value(i);
            if (step != Math.rint(step)) {
                continue; // steps are whole numbers: no tick at 2.5
            }
            double x = Math.round(frame.x(step)) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(x, frame.top(), x, frame.top() + frame.height());
            g.fillText(AxisTicks.format(step, xDecimals), x, frame.top() + frame.height() + 4);
        }
        g.setStroke(AXIS);
        double bottom = Math.round(frame.top() + frame.height()) + 0.5;
        double left = Math.round(frame.left()) + 0.5;
        g.strokeLine(left, frame.top(), left, bottom);
        g.strokeLine(left, bottom, frame.left() + frame.width(), bottom);
    }

    static void series(GraphicsContext g, PlotFrame frame, List<Drawn> drawn) {
        g.save();
        g.beginPath();
        g.rect(frame.left(), frame.top() - 3, frame.width() + 3, frame.height() + 6);
        g.clip();
        for (Drawn d : drawn) {
            SeriesStyle style = d.series().style();
            Color color = style.color();
            if (style.kind() == SeriesStyle.Kind.POINTS) {
                polyline(g, frame, d.raw(), color.deriveColor(0, 1, 1, 0.45), 1);
                dots(g, frame, d.raw(), color, 3);
            } else if (style.smoothed()) {
                polyline(g, frame, d.raw(), color.deriveColor(0, 1, 1, 0.3), 1);
                polyline(g, frame, d.smoothed(), color, style.lineWidth() + 0.5);
            } else {
                polyline(g, frame, d.raw(), color, style.lineWidth());
            }
        }
        g.restore();
    }

    static void hover(GraphicsContext g, PlotFrame frame, double x, double y, Color color, String text, Font font) {
        g.setStroke(AXIS);
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        g.strokeLine(Math.round(x) + 0.5, frame.top(), Math.round(x) + 0.5, frame.top() + frame.height());
        g.setLineDashes();
        g.setFill(color);
        g.fillOval(x - 4, y - 4, 8, 8);

        g.setFont(font);
        double textWidth = TextWidth.of(text, font);
        double boxWidth = textWidth + 12;
        double boxHeight = font.getSize() + 10;
        double boxX = x + 10 + boxWidth > frame.left() + frame.width() ? x - 10 - boxWidth : x + 10;
        double boxY = Math.max(frame.top(), Math.min(y - boxHeight - 6, frame.top() + frame.height() - boxHeight));
        g.setFill(Color.rgb(30, 30, 30, 0.85));
        g.fillRoundRect(boxX, boxY, boxWidth, boxHeight, 6, 6);
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, boxX + 6, boxY + boxHeight / 2);
    }

    private static void polyline(GraphicsContext g, PlotFrame frame, ThinnedPoints points, Color color, double width) {
        if (points.size() == 0) {
            return;
        }
        g.setStroke(color);
        g.setLineWidth(width);
        g.beginPath();
        g.moveTo(frame.x(points.steps()[0]), frame.y(points.values()[0]));
        for (int i = 1; i < points.size(); i++) {
            g.lineTo(frame.x(points.steps()[i]), frame.y(points.values()[i]));
        }
        g.stroke();
    }

    private static void dots(GraphicsContext g, PlotFrame frame, ThinnedPoints points, Color color, double radius) {
        g.setFill(color);
        for (int i = 0; i < points.size(); i++) {
            g.fillOval(frame.x(points.steps()[i]) - radius, frame.y(points.values()[i]) - radius, 2 * radius, 2 * radius);
        }
    }

    /** Text width for the hover box, measured with a scene-less Text node. */
    private static final class TextWidth {
        private static final javafx.scene.text.Text PROBE = new javafx.scene.text.Text();

        static double of(String text, Font font) {
            PROBE.setFont(font);
            PROBE.setText(text);
            return PROBE.getLayoutBounds().getWidth();
        }
    }
}
