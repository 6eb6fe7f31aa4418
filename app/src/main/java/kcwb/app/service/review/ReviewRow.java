package kcwb.app.service.review;

import java.util.List;

/**
 * One item of the review queue: its text, the latest prediction (labels, the probability of the least sure chosen
 * label as confidence, the stored uncertainty) and the labels annotators gave it so far (empty: unlabelled).
 */
public record ReviewRow(long itemId, String text, List<String> predicted, double confidence, Double uncertainty,
        List<String> currentLabels, String model, Long runId) {
    public ReviewRow {
        predicted = List.copyOf(predicted);
        currentLabels = List.copyOf(currentLabels);
    }

    /** The predicted labels as one string ("hate", or "a,b" for multi-label). */
    public String predictedText() {
        return String.join(",", predicted);
    }
}
