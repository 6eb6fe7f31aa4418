package kcwb.app.service.evaluate;

/**
 * One label's 2×2 confusion matrix in a multi-label evaluation: rows gold (has the label, has not), columns
 * predicted (flagged, not flagged). Together the four counts are every evaluated item.
 */
public record LabelConfusion(String label, long truePositives, long falseNegatives, long falsePositives,
        long trueNegatives) {

    public long count(LabelOutcome outcome) {
        return switch (outcome) {
            case TRUE_POSITIVE -> truePositives;
            case FALSE_NEGATIVE -> falseNegatives;
            case FALSE_POSITIVE -> falsePositives;
            case TRUE_NEGATIVE -> trueNegatives;
        };
    }

    /** {@code [gold has, has not][flagged, not flagged]}, the layout of the single-label matrix (gold rows). */
    public long[][] matrix() {
        return new long[][] {{truePositives, falseNegatives}, {falsePositives, trueNegatives}};
    }

    public long total() {
        return truePositives + falseNegatives + falsePositives + trueNegatives;
    }
}
