package kcwb.app.gui.chart;

/**
 * What a chart draws of a series: at most ~2 points per pixel column, in step order. The arrays may be
 * longer than {@link #size()}.
 */
public record ThinnedPoints(long[] steps, double[] values, int size) {
    public static final ThinnedPoints EMPTY = new ThinnedPoints(new long[0], new double[0], 0);
}
