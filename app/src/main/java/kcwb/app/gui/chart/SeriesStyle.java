package kcwb.app.gui.chart;

import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * How a series is drawn. {@link Kind#LINE}: a line; with a smoothing weight (see {@link EmaSmoother}) the raw
 * line is thin and translucent and the smoothed line bold on top, as in TensorBoard. {@link Kind#POINTS}: dots
 * only, for sparse values such as one eval every N steps.
 */
public record SeriesStyle(Color color, Kind kind, double smoothingWeight, double lineWidth) {
    public enum Kind { LINE, POINTS }

    /** No smoothing. */
    public static final double NONE = Double.NaN;

    public SeriesStyle {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(kind, "kind");
        if (!Double.isNaN(smoothingWeight) && !(smoothingWeight >= 0 && smoothingWeight < 1)) {
            throw new IllegalArgumentException("smoothing weight must be NaN (none) or in [0, 1): " + smoothingWeight);
        }
        if (!(lineWidth > 0)) {
            throw new IllegalArgumentException("line width must be positive: " + lineWidth);
        }
    }

    public static SeriesStyle line(Color color) {
        return new SeriesStyle(color, Kind.LINE, NONE, 1.5);
    }

    /** Raw line thin and translucent, the EMA (TensorBoard default weight 0.6) bold on top. */
    public static SeriesStyle smoothedLine(Color color) {
        return line(color).withSmoothing(EmaSmoother.DEFAULT_WEIGHT);
    }

    public static SeriesStyle points(Color color) {
        return new SeriesStyle(color, Kind.POINTS, NONE, 1.5);
    }

    public SeriesStyle withSmoothing(double weight) {
        return new SeriesStyle(color, kind, weight, lineWidth);
    }

    public SeriesStyle withLineWidth(double width) {
        return new SeriesStyle(color, kind, smoothingWeight, width);
    }

    public boolean smoothed() {
        return !Double.isNaN(smoothingWeight);
    }
}
