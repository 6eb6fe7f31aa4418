package kcwb.app.gui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmaSmootherTest {
    @Test
    void matchesTensorBoardsDebiasedAverage() {
        EmaSmoother smoother = new EmaSmoother(0.6);
        // by hand: ema1 = 0.4*10 = 4 → 4/(1-0.6) = 10
        assertEquals(10.0, smoother.next(10), 1e-12);
        // ema2 = 0.6*4 + 0.4*0 = 2.4 → 2.4/(1-0.36) = 3.75
        assertEquals(3.75, smoother.next(0), 1e-12);
        // ema3 = 0.6*2.4 + 0.4*5 = 3.44 → 3.44/(1-0.216) = 4.387755…
        assertEquals(3.44 / 0.784, smoother.next(5), 1e-12);
    }

    @Test
    void aConstantStaysConstantAndWeightZeroIsTheRawValue() {
        EmaSmoother smoother = new EmaSmoother();
        for (int i = 0; i < 2_000; i++) {
            assertEquals(0.7, smoother.next(0.7), 1e-12);
        }
        EmaSmoother none = new EmaSmoother(0);
        assertEquals(3.0, none.next(3));
        assertEquals(-1.0, none.next(-1));
    }

    @Test
    void smoothingDampensNoise() {
        EmaSmoother smoother = new EmaSmoother(0.9);
        double last = 0;
        double maxJump = 0;
        for (int i = 0; i < 200; i++) {
            double smoothed = smoother.next(i % 2 == 0 ? 1 : 0);
            if (i > 20) {
                maxJump = Math.max(maxJump, Math.abs(smoothed - last));
            }
            last = smoothed;
        }
        assertTrue(maxJump < 0.2, "raw jumps by 1, smoothed by " + maxJump);
        assertEquals(0.5, last, 0.1);
    }

    @Test
    void nonFiniteValuesPassThroughWithoutPoisoningTheAverage() {
        EmaSmoother smoother = new EmaSmoother(0.5);
        smoother.next(2);
        assertTrue(Double.isNaN(smoother.next(Double.NaN)));
        assertEquals((0.5 * 1 + 0.5 * 4) / 0.75, smoother.next(4), 1e-12);
        smoother.reset();
        assertEquals(8.0, smoother.next(8), 1e-12);
    }

    @Test
    void rejectsWeightsOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new EmaSmoother(1));
        assertThrows(IllegalArgumentException.class, () -> new EmaSmoother(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new EmaSmoother(Double.NaN));
    }
}
