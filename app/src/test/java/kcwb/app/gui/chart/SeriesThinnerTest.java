package kcwb.app.gui.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeriesThinnerTest {
    private static PointSeries noisyLoss(int steps) {
        PointSeries series = new PointSeries();
        for (int step = 1; step <= steps; step++) {
            series.append(step, 2.0 / Math.sqrt(step) + 0.01 * Math.sin(step * 1.7));
        }
        return series;
    }

    @Test
    void keepsAtMostTwoPointsPerColumnAndTheSpikeSurvives() {
        PointSeries series = noisyLoss(100_000);
        series.append(100_001, 1.0);
        PointSeries spiky = new PointSeries();
        for (int i = 0; i < series.size(); i++) {
            spiky.append(series.step(i), series.step(i) == 61_234 ? 9.0 : series.value(i));
        }
        ThinnedPoints thinned = SeriesThinner.thin(spiky, 1, 100_001, 600);

        assertTrue(thinned.size() <= 2 * 600 + 2, "size " + thinned.size());
        assertTrue(thinned.size() >= 600, "every column has a point: " + thinned.size());
        double max = Arrays.stream(thinned.values(), 0, thinned.size()).max().orElseThrow();
        assertEquals(9.0, max, "the one-step spike is still drawn");
        long[] steps = Arrays.copyOf(thinned.steps(), thinned.size());
        long[] sorted = steps.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, steps, "points stay in step order");
        assertEquals(1, steps[0]);
        assertEquals(100_001, steps[steps.length - 1]);
    }

    @Test
    void eachColumnKeepsItsMinimumAndMaximum() {
        PointSeries series = new PointSeries();
        double[] values = {5, 1, 9, 3, /* column 2 */ 4, 4, 2, 8};
        for (int i = 0; i < values.length; i++) {
            series.append(i, values[i]);
        }
        // steps 0..7 over 2 columns of width 3.5 steps: column 0 = steps 0..3, column 1 = steps 4..7
        ThinnedPoints thinned = SeriesThinner.thin(series, 0, 7, 2);
        assertEquals(4, thinned.size());
        assertArrayEquals(new long[] {1, 2, 6, 7}, Arrays.copyOf(thinned.steps(), 4));
        assertArrayEquals(new double[] {1, 9, 2, 8}, Arrays.copyOf(thinned.values(), 4));
    }

    @Test
    void aSmallRangeIsReturnedAsItIsWithOneNeighbourOutsideEachSide() {
        PointSeries series = noisyLoss(1_000);
        ThinnedPoints thinned = SeriesThinner.thin(series, 100, 199, 800);
        assertEquals(102, thinned.size());
        assertEquals(99, thinned.steps()[0]);
        assertEquals(200, thinned.steps()[101]);
        assertEquals(series.value(98), thinned.values()[0]);
    }

    @Test
    void aZoomedRangeOfALongSeriesStaysWithinBudgetAndSpansTheRange() {
        PointSeries series = noisyLoss(200_000);
        ThinnedPoints thinned = SeriesThinner.thin(series, 50_000, 60_000, 300);
        assertTrue(thinned.size() <= 2 * 300 + 4, "size " + thinned.size());
        assertTrue(thinned.steps()[0] <= 50_000);
        assertTrue(thinned.steps()[thinned.size() - 1] >= 60_000);
    }

    @Test
    void skipsValuesThatAreNotFinite() {
        PointSeries series = new PointSeries();
        series.append(1, 1);
        series.append(2, Double.NaN);
        series.append(3, Double.POSITIVE_INFINITY);
        series.append(4, 4);
        ThinnedPoints thinned = SeriesThinner.thin(series, 1, 4, 100);
        assertArrayEquals(new long[] {1, 4}, Arrays.copyOf(thinned.steps(), thinned.size()));
    }

    @Test
    void emptyOrInvertedRangesGiveNothingAndColumnsMustBePositive() {
        assertEquals(0, SeriesThinner.thin(new PointSeries(), 0, 10, 10).size());
        assertEquals(0, SeriesThinner.thin(noisyLoss(10), 8, 2, 10).size());
        assertThrows(IllegalArgumentException.class, () -> SeriesThinner.thin(noisyLoss(10), 0, 10, 0));
    }
}
