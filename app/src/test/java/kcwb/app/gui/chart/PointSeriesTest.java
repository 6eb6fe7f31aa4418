package kcwb.app.gui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PointSeriesTest {
    @Test
    void growsPastItsInitialCapacityAndKeepsEveryPoint() {
        PointSeries series = new PointSeries();
        for (int step = 1; step <= 150_000; step++) {
            series.append(step, step * 0.5);
        }
        assertEquals(150_000, series.size());
        assertEquals(1, series.firstStep());
        assertEquals(150_000, series.lastStep());
        assertEquals(37_500.0, series.value(74_999));
    }

    @Test
    void aStepAtOrBeforeTheLastReplacesTheTail() {
        PointSeries series = new PointSeries();
        for (int step = 10; step <= 50; step += 10) {
            series.append(step, step);
        }
        series.append(30, -3);   // resumed from the checkpoint at step 20: step 30 again
        assertEquals(3, series.size());
        assertEquals(30, series.lastStep());
        assertEquals(-3, series.value(2));
        series.append(25, 7);    // between points: drops 30
        assertEquals(3, series.size());
        assertEquals(25, series.lastStep());
    }

    @Test
    void findsIndicesBySteps() {
        PointSeries series = new PointSeries();
        assertEquals(-1, series.nearestIndex(5));
        for (long step : new long[] {2, 4, 8, 16}) {
            series.append(step, 0);
        }
        assertEquals(0, series.firstIndexAtOrAfter(1));
        assertEquals(1, series.firstIndexAtOrAfter(4));
        assertEquals(2, series.firstIndexAtOrAfter(4.5));
        assertEquals(4, series.firstIndexAtOrAfter(17));
        assertEquals(0, series.nearestIndex(-100));
        assertEquals(3, series.nearestIndex(100));
        assertEquals(2, series.nearestIndex(11));
        assertEquals(3, series.nearestIndex(13));
        assertEquals(1, series.nearestIndex(6), "a tie goes to the earlier point");
    }

    @Test
    void clearEmptiesAndIndexesAreChecked() {
        PointSeries series = new PointSeries();
        series.append(1, 1);
        series.clear();
        assertTrue(series.isEmpty());
        assertThrows(IndexOutOfBoundsException.class, () -> series.value(0));
        assertThrows(IndexOutOfBoundsException.class, series::lastStep);
    }
}
