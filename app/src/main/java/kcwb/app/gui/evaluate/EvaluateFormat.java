package kcwb.app.gui.evaluate;

import java.util.Locale;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.evaluate.EvaluationService;
import kcwb.app.service.evaluate.EvaluationSnapshot;
import kcwb.app.service.evaluate.MetricDeltas;
import kcwb.training.eval.Evaluation;

/** Numbers as the evaluate screen shows them: 4 decimals, signed deltas ("+0.0450", "−0.0120"). */
final class EvaluateFormat {
    private EvaluateFormat() {}

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** "+0.0450" / "−0.0120" / "±0.0000"; empty for null (nothing to compare with). */
    static String delta(Double value) {
        if (value == null) {
            return "";
        }
        String magnitude = String.format(Locale.ROOT, "%.4f", Math.abs(value));
        if (magnitude.equals("0.0000")) {
            return "±" + magnitude;
        }
        return (value > 0 ? "+" : "−") + magnitude;
    }

    /** "accuracy 0.8120 (+0.0450)"; the bracket only when there is a previous evaluation. */
    static String metric(I18n i18n, String key, double value, Double delta) {
        String shown = i18n.get(key) + " " + number(value);
        return delta == null ? shown : shown + " (" + delta(delta) + ")";
    }

    /** The headline line of an outcome: items, accuracy, macro-F1, micro-F1, loss, with deltas. */
    static String summary(I18n i18n, EvaluationService.Outcome outcome) {
        Evaluation m = outcome.evaluation().metrics();
        MetricDeltas d = outcome.deltas().orElse(null);
        String accuracyKey = m.multiLabel() ? "evaluate.metric.subsetAccuracy" : "evaluate.metric.accuracy";
        double accuracy = m.multiLabel() ? m.subsetAccuracy() : m.accuracy();
        Double accuracyDelta = d == null || m.multiLabel() ? null : d.accuracy();
        return String.join("   ·   ", i18n.get("evaluate.items", m.examples()),
                metric(i18n, accuracyKey, accuracy, accuracyDelta),
                metric(i18n, "evaluate.metric.macroF1", m.macroF1(), d == null ? null : d.macroF1()),
                metric(i18n, "evaluate.metric.microF1", m.microF1(), d == null ? null : d.microF1()),
                metric(i18n, "evaluate.metric.loss", m.loss(), d == null ? null : d.loss()));
    }

    /** What the deltas compare against, or that this is the first evaluation of the split. */
    static String previous(I18n i18n, EvaluationService.Outcome outcome) {
        EvaluationSnapshot p = outcome.previous();
        if (p == null) {
            return i18n.get("evaluate.previous.none");
        }
        String at = p.at().length() >= 16 ? p.at().substring(0, 16).replace('T', ' ') : p.at();
        return i18n.get("evaluate.previous", java.nio.file.Path.of(p.model()).getFileName(), at);
    }
}
