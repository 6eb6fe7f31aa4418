package kcwb.app.gui.chart;

import java.util.Arrays;

/**
 * (step, value) points in step order, in two primitive arrays that double when full (amortised O(1)
 * append; 100k points cost 1.6 MB). Not thread-safe: one thread writes and reads (the FX thread in a chart).
 *
 * <p>Steps only go forward. A point whose step is at or before the last one replaces the tail from that step
 * on: a run resumed from an earlier checkpoint replays those steps, and the replay wins.
 */
public final class PointSeries {
    private static final int INITIAL_CAPACITY = 64;

    private long[] steps = new long[INITIAL_CAPACITY];
    private double[] values = new double[INITIAL_CAPACITY];
    private int size;

    public void append(long step, double value) {
        if (size > 0 && step <= steps[size - 1]) {
            size = firstIndexAtOrAfter(step);
        }
        if (size == steps.length) {
            int capacity = steps.length * 2;
            steps = Arrays.copyOf(steps, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        steps[size] = step;
        values[size] = value;
        size++;
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long step(int index) {
        checkIndex(index);
        return steps[index];
    }

    public double value(int index) {
        checkIndex(index);
        return values[index];
    }

    public long firstStep() {
        return step(0);
    }

    public long lastStep() {
        return step(size - 1);
    }

    /** The index of the first point with {@code step >= target}; {@link #size()} when there is none. */
    public int firstIndexAtOrAfter(double target) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (steps[middle] < target) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The index of the point whose step is closest to {@code target} (the earlier one on a tie); -1 when empty. */
    public int nearestIndex(double target) {
        if (size == 0) {
            return -1;
        }
        int after = firstIndexAtOrAfter(target);
        if (after == 0) {
            return 0;
        }
        if (after == size) {
            return size - 1;
        }
        return target - steps[after - 1] <= steps[after] - target ? after - 1 : after;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size + " points");
        }
    }
}
