package kcwb.app.gui.chart;

/**
 * Thins a {@link PointSeries} to what a plot {@code columns} pixels wide can show: for each pixel column the
 * lowest and the highest point (in their step order), so a one-step loss spike survives thinning 100k steps
 * down to 600 pixels. Points that are not finite (NaN, ±∞) are skipped. The nearest point just outside the
 * range on each side is kept, so a line still runs to the plot's edges.
 *
 * <p>Cost: O(log n) to find the range plus O(points in range); when the range holds no more than two points
 * per column they are returned as they are.
 */
public final class SeriesThinner {
    private SeriesThinner() {}

    public static ThinnedPoints thin(PointSeries series, double fromStep, double toStep, int columns) {
        if (columns <= 0) {
            throw new IllegalArgumentException("columns must be positive: " + columns);
        }
        if (series.isEmpty() || toStep < fromStep) {
            return ThinnedPoints.EMPTY;
        }
        int from = Math.max(0, series.firstIndexAtOrAfter(fromStep) - 1);
        int to = Math.min(series.size(), firstIndexAfter(series, toStep) + 1);
        Builder out = new Builder(Math.min(to - from, 2 * columns + 4));
        if (to - from <= 2 * columns) {
            for (int i = from; i < to; i++) {
                out.addIfFinite(series, i);
            }
            return out.build();
        }
        double columnsPerStep = toStep > fromStep ? columns / (toStep - fromStep) : 0;
        long currentColumn = Long.MIN_VALUE;
        int minIndex = -1;
        int maxIndex = -1;
        for (int i = from; i < to; i++) {
            double value = series.value(i);
            if (!Double.isFinite(value)) {
                continue;
            }
            long column = columnOf(series.step(i), fromStep, toStep, columnsPerStep, columns);
            if (column != currentColumn) {
                out.addMinMax(series, minIndex, maxIndex);
                currentColumn = column;
                minIndex = i;
                maxIndex = i;
            } else if (value < series.value(minIndex)) {
                minIndex = i;
            } else if (value > series.value(maxIndex)) {
                maxIndex = i;
            }
        }
        out.addMinMax(series, minIndex, maxIndex);
        return out.build();
    }

    /** Column -1 before the range, {@code columns} after it, else 0…columns-1. */
    private static long columnOf(long step, double fromStep, double toStep, double columnsPerStep, int columns) {
        if (step < fromStep) {
            return -1;
        }
        if (step > toStep) {
            return columns;
        }
        return Math.min(columns - 1, (long) ((step - fromStep) * columnsPerStep));
    }

    private static int firstIndexAfter(PointSeries series, double step) {
        int index = series.firstIndexAtOrAfter(step);
        while (index < series.size() && series.step(index) <= step) {
            index++;
        }
        return index;
    }

    private static final class Builder {
        private final long[] steps;
        private final double[] values;
        private int size;

        Builder(int capacity) {
            steps = new long[Math.max(capacity, 0)];
            values = new double[Math.max(capacity, 0)];
        }

        void addIfFinite(PointSeries series, int index) {
            if (Double.isFinite(series.value(index))) {
                add(series, index);
            }
        }

        void addMinMax(PointSeries series, int minIndex, int maxIndex) {
            if (minIndex < 0) {
                return;
            }
            add(series, Math.min(minIndex, maxIndex));
            if (minIndex != maxIndex) {
                add(series, Math.max(minIndex, maxIndex));
            }
        }

        private void add(PointSeries series, int index) {
            steps[size] = series.step(index);
            values[size] = series.value(index);
            size++;
        }

        ThinnedPoints build() {
            return new ThinnedPoints(steps, values, size);
        }
    }
}
