package kcwb.app.gui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTicksTest {
    @Test
    void picksOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1.0, AxisTicks.niceStep(0.8));
        assertEquals(2.0, AxisTicks.niceStep(1.3));
        assertEquals(5.0, AxisTicks.niceStep(4.1));
        assertEquals(10.0, AxisTicks.niceStep(7));
        assertEquals(0.05, AxisTicks.niceStep(0.031), 1e-15);
    }

    @Test
    void ticksLieInsideTheRangeWithCleanLabels() {
        AxisTicks ticks = AxisTicks.of(0.13, 0.92, 5);
        assertEquals(List.of(0.2, 0.4, 0.6, 0.8), ticks.values());
        assertEquals("0.2", ticks.label(0));
        assertEquals(1, ticks.decimals());

        AxisTicks steps = AxisTicks.of(1, 100_000, 8);
        assertEquals(20_000, steps.spacing());
        assertEquals("20k", steps.label(0));
        assertEquals("100k", steps.label(steps.count() - 1));

        AxisTicks small = AxisTicks.of(0.0001, 0.0005, 5);
        assertEquals("0.0001", small.label(0));
        assertEquals("0.0005", small.label(small.count() - 1));
    }

    @Test
    void aSingleValueStillGetsTicks() {
        AxisTicks ticks = AxisTicks.of(3, 3, 5);
        assertEquals(List.of(3.0), ticks.values());
    }

    @Test
    void formatsLargeWholeNumbersShortAndOthersPlainly() {
        assertEquals("1.5M", AxisTicks.format(1_500_000, 0));
        assertEquals("12.5k", AxisTicks.format(12_500, 0));
        assertEquals("1234", AxisTicks.format(1_234, 0));
        assertEquals("-0.25", AxisTicks.format(-0.25, 2));
    }

    @Test
    void rejectsBadRanges() {
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.of(2, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.of(Double.NaN, 1, 5));
    }
}
