package kcwb.app.service.evaluate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Current minus previous: accuracy, macro-F1, micro-F1, loss and the F1 of every label both evaluations have
 * (a label new since the previous one has no delta).
 */
public record MetricDeltas(double accuracy, double macroF1, double microF1, double loss, Map<String, Double> f1) {
    public MetricDeltas {
        f1 = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(f1));
    }

    public static MetricDeltas between(EvaluationSnapshot current, EvaluationSnapshot previous) {
        Map<String, Double> f1 = new LinkedHashMap<>();
        current.f1().forEach((label, value) -> {
            Double before = previous.f1().get(label);
            if (before != null) {
                f1.put(label, value - before);
            }
        });
        return new MetricDeltas(current.accuracy() - previous.accuracy(), current.macroF1() - previous.macroF1(),
                current.microF1() - previous.microF1(), current.loss() - previous.loss(), f1);
    }
}
