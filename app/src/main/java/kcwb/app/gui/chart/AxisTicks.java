package kcwb.app.gui.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * "Nice" tick marks for an axis: spacing 1, 2 or 5 × 10^k, at most about {@code maxTicks} of them inside
 * [min, max], with a label format that shows just enough decimals for that spacing.
 */
public record AxisTicks(double first, double spacing, int count, int decimals) {

    public static AxisTicks of(double min, double max, int maxTicks) {
        if (!(Double.isFinite(min) && Double.isFinite(max)) || max < min) {
            throw new IllegalArgumentException("bad axis range: " + min + " … " + max);
        }
        int ticks = Math.max(2, maxTicks);
        double span = max - min;
        if (span == 0) {
            span = Math.max(Math.abs(min), 1);
        }
        double spacing = niceStep(span / (ticks - 1));
        double first = Math.ceil(min / spacing - 1e-9) * spacing;
        int count = (int) Math.floor((max - first) / spacing + 1e-9) + 1;
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(spacing) + 1e-9));
        return new AxisTicks(first, spacing, Math.max(count, 0), decimals);
    }

    /** The smallest of 1, 2, 5 × 10^k that is at least {@code rough}. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double slack = 1 + 1e-9; // 0.0004 / 4 is 1.0000000000000002e-4, still "1"
        double nice = fraction <= slack ? 1 : fraction <= 2 * slack ? 2 : fraction <= 5 * slack ? 5 : 10;
        return nice * power;
    }

    public List<Double> values() {
        List<Double> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(value(i));
        }
        return values;
    }

    public double value(int index) {
        // first + index * spacing, rounded to the label's decimals so 0.1 + 0.2 shows as 0.3
        double raw = first + index * spacing;
        return BigDecimal.valueOf(raw).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    public String label(int index) {
        return format(value(index), decimals);
    }

    /** A number with exactly {@code decimals} decimals; large whole numbers as 12k / 1.5M. */
    public static String format(double value, int decimals) {
        double magnitude = Math.abs(value);
        if (decimals == 0 && magnitude >= 1_000_000 && magnitude % 100_000 == 0) {
            return trim(value / 1_000_000) + "M";
        }
        if (decimals == 0 && magnitude >= 10_000 && magnitude % 100 == 0) {
            return trim(value / 1_000) + "k";
        }
        return BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String trim(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
