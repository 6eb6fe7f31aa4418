package kcwb.app.service.evaluate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kcwb.training.eval.ClassScores;

/**
 * The headline numbers of one evaluation, small enough to keep in the workspace and compare the next evaluation
 * against (accuracy, macro-F1 and per-class F1 deltas after relabel + retrain).
 *
 * @param model the evaluated folder
 * @param at ISO-8601 instant
 * @param f1 per label, in the model's label order
 */
public record EvaluationSnapshot(String model, String split, String at, int examples, double loss, double accuracy,
        double macroF1, double microF1, Map<String, Double> f1) {
    public EvaluationSnapshot {
        f1 = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(f1));
    }

    public static EvaluationSnapshot of(ItemEvaluation evaluation, Instant at) {
        Map<String, Double> f1 = new LinkedHashMap<>();
        for (ClassScores scores : evaluation.metrics().perClass()) {
            f1.put(scores.label(), scores.f1());
        }
        var m = evaluation.metrics();
        return new EvaluationSnapshot(evaluation.model().toString(), evaluation.split().key(), at.toString(),
                m.examples(), m.loss(), m.accuracy(), m.macroF1(), m.microF1(), f1);
    }
}
