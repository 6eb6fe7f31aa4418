package kcwb.training.train;

/**
 * The best dev metric so far and HF's EarlyStoppingCallback counter: an evaluation resets the counter only
 * when it beats the best by more than {@code minDelta}; any strict improvement becomes the new best.
 */
public record BestMetricTracker(Double best, long bestStep, int evalsWithoutImprovement) {
    public static final BestMetricTracker EMPTY = new BestMetricTracker(null, -1, 0);

    /** The tracker after observing {@code value} at {@code step}. */
    public BestMetricTracker observe(double value, long step, boolean greaterIsBetter, double minDelta) {
        boolean better = best == null || (greaterIsBetter ? value > best : value < best);
        boolean significant = best == null || (better && Math.abs(value - best) > minDelta);
        int counter = significant ? 0 : evalsWithoutImprovement + 1;
        return better ? new BestMetricTracker(value, step, counter) : new BestMetricTracker(best, bestStep, counter);
    }

    public boolean improvedAt(long step) {
        return bestStep == step;
    }

    /** Whether early stopping (patience > 0) should end the run now. */
    public boolean shouldStop(int patience) {
        return patience > 0 && evalsWithoutImprovement >= patience;
    }
}
