package kcwb.training.eval;

/** Precision, recall and F1 of one class (or label), with its support (gold count). Zero division gives 0. */
public record ClassScores(String label, double precision, double recall, double f1, long support) {
    static ClassScores of(String label, long truePositives, long falsePositives, long falseNegatives) {
        double precision = ratio(truePositives, truePositives + falsePositives);
        double recall = ratio(truePositives, truePositives + falseNegatives);
        double f1 = ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
        return new ClassScores(label, precision, recall, f1, truePositives + falseNegatives);
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
