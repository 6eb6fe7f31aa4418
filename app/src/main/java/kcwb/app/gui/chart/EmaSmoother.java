package kcwb.app.gui.chart;

/**
 * TensorBoard's scalar smoothing: an exponential moving average, debiased so the first points are not pulled
 * towards zero ({@code ema / (1 - weight^n)} after n finite values). Weight 0 is no smoothing; TensorBoard's
 * default is 0.6. A value that is not finite is passed through and does not enter the average.
 */
public final class EmaSmoother {
    public static final double DEFAULT_WEIGHT = 0.6;

    private final double weight;
    private double average;
    private double weightPower = 1;

    public EmaSmoother(double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1): " + weight);
        }
        this.weight = weight;
    }

    public EmaSmoother() {
        this(DEFAULT_WEIGHT);
    }

    public double weight() {
        return weight;
    }

    /** Adds a value and returns the smoothed value at this point. */
    public double next(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        average = average * weight + (1 - weight) * value;
        weightPower *= weight;
        return average / (1 - weightPower);
    }

    public void reset() {
        average = 0;
        weightPower = 1;
    }
}
