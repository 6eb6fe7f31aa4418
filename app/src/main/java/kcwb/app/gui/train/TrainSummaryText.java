package kcwb.app.gui.train;

import kcwb.app.gui.common.I18n;
import kcwb.training.train.TrainingSummary;

/** The one-line account of a finished run shown under the charts. */
final class TrainSummaryText {
    private TrainSummaryText() {}

    static String of(I18n i18n, TrainingSummary summary, String metric) {
        String reason = i18n.get("train.reason." + summary.reason().name().toLowerCase(java.util.Locale.ROOT));
        String best = summary.bestMetrics() == null ? i18n.get("train.noEval")
                : i18n.get("train.best", metric, LiveMetrics.number(summary.bestMetrics().metric(metric)),
                        summary.bestCheckpoint() == null ? "–" : summary.bestCheckpoint().getFileName().toString());
        return i18n.get("train.finished", reason, summary.steps(), LiveMetrics.duration(summary.trainSeconds()),
                String.format(java.util.Locale.ROOT, "%.1f", summary.samplesPerSecond()), best);
    }
}
