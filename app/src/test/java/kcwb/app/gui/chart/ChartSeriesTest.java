package kcwb.app.gui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class ChartSeriesTest {
    @Test
    void aSmoothedSeriesKeepsRawAndEmaSideBySide() {
        AtomicInteger changes = new AtomicInteger();
        ChartSeries series = new ChartSeries("loss", SeriesStyle.smoothedLine(Color.BLUE), changes::incrementAndGet);
        series.append(1, 10);
        series.append(2, 0);
        assertEquals(0.0, series.raw().value(1));
        assertEquals(3.75, series.smoothed().value(1), 1e-12);
        assertEquals(2, changes.get(), "every change tells the chart");
    }

    @Test
    void aReplayedStepRecomputesTheSmoothedTail() {
        ChartSeries series = new ChartSeries("loss", SeriesStyle.smoothedLine(Color.BLUE), () -> {});
        series.append(1, 10);
        series.append(2, 0);
        series.append(3, 100);
        series.append(2, 5);          // resumed from step 1
        EmaSmoother expected = new EmaSmoother();
        expected.next(10);
        assertEquals(2, series.smoothed().size());
        assertEquals(expected.next(5), series.smoothed().value(1), 1e-12);
        series.clear();
        series.append(7, 4);
        assertEquals(4.0, series.smoothed().value(0), 1e-12, "clear also resets the average");
    }

    @Test
    void anUnsmoothedSeriesHasOnePointList() {
        ChartSeries series = new ChartSeries("eval", SeriesStyle.points(Color.RED), () -> {});
        series.append(5, 0.5);
        assertSame(series.raw(), series.smoothed());
    }
}
