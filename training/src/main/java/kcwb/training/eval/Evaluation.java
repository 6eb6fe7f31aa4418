package kcwb.training.eval;

import java.util.List;
import java.util.Map;

/**
 * Metrics of a model on one labelled split. For single-label problems {@code confusion[gold][predicted]}
 * counts examples and {@code subsetAccuracy} equals accuracy; for multi-label problems accuracy is the
 * per-(example, label) accuracy, {@code subsetAccuracy} the share of examples with every label right,
 * and {@code confusion} is empty. Micro/macro F1 as sklearn's {@code f1_score(average=...)}, zero division = 0.
 */
public record Evaluation(int examples, double loss, double accuracy, double subsetAccuracy, double macroF1,
        double microF1, List<ClassScores> perClass, long[][] confusion, boolean multiLabel) {

    /** A metric by its key: loss, accuracy, subset_accuracy, macro_f1, micro_f1. */
    public double metric(String key) {
        return switch (key) {
            case "loss" -> loss;
            case "accuracy" -> accuracy;
            case "subset_accuracy" -> subsetAccuracy;
            case "macro_f1" -> macroF1;
            case "micro_f1" -> microF1;
            default -> throw new IllegalArgumentException("unknown metric '" + key + "'");
        };
    }

    /** The headline numbers by key, for events and JSON. */
    public Map<String, Double> headline() {
        return Map.of("loss", loss, "accuracy", accuracy, "subset_accuracy", subsetAccuracy,
                "macro_f1", macroF1, "micro_f1", microF1);
    }
}
