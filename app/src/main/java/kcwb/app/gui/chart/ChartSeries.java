package kcwb.app.gui.chart;

import java.util.Objects;

/**
 * One named series of a {@link MetricChart}: its raw points and, when its style smooths, the smoothed ones.
 *
 * <p><b>Threading:</b> call {@link #append}, {@link #clear} and {@link #setVisible} on the FX thread only (they
 * are cheap: an array write and a dirty flag, so thousands of calls per second are fine; the chart redraws at
 * most ~10 times a second). Events from another thread go through {@code UiThrottle.batching} first.
 */
public final class ChartSeries {
    private final String name;
    private final SeriesStyle style;
    private final PointSeries raw = new PointSeries();
    private final PointSeries smoothed;
    private final EmaSmoother smoother;
    private final Runnable onChange;
    private boolean visible = true;

    ChartSeries(String name, SeriesStyle style, Runnable onChange) {
        this.name = Objects.requireNonNull(name, "name");
        this.style = Objects.requireNonNull(style, "style");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.smoothed = style.smoothed() ? new PointSeries() : null;
        this.smoother = style.smoothed() ? new EmaSmoother(style.smoothingWeight()) : null;
    }

    public String name() {
        return name;
    }

    public SeriesStyle style() {
        return style;
    }

    /**
     * Adds a point. A step at or before the last one replaces the tail from that step on (a resumed run replays
     * steps after its checkpoint); the smoothed line is then recomputed.
     */
    public void append(long step, double value) {
        boolean replay = !raw.isEmpty() && step <= raw.lastStep();
        raw.append(step, value);
        if (smoothed != null) {
            if (replay) {
                resmooth();
            } else {
                smoothed.append(step, smoother.next(value));
            }
        }
        onChange.run();
    }

    public void clear() {
        raw.clear();
        if (smoothed != null) {
            smoothed.clear();
            smoother.reset();
        }
        onChange.run();
    }

    public void setVisible(boolean visible) {
        this.visible = visible;
        onChange.run();
    }

    public boolean isVisible() {
        return visible;
    }

    public int size() {
        return raw.size();
    }

    /** The points as appended. */
    public PointSeries raw() {
        return raw;
    }

    /** The EMA of the raw points, or the raw points when this series is not smoothed. */
    public PointSeries smoothed() {
        return smoothed != null ? smoothed : raw;
    }

    private void resmooth() {
        smoothed.clear();
        smoother.reset();
        for (int i = 0; i < raw.size(); i++) {
            smoothed.append(raw.step(i), smoother.next(raw.value(i)));
        }
    }
}
