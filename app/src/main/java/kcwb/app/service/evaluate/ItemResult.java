package kcwb.app.service.evaluate;

import java.util.HashSet;
import java.util.List;

/**
 * What the model said about one item. {@code confidence}: single-label, the probability of the predicted class;
 * multi-label, for a wrong row the model's confidence in its most confident wrong decision (p, or 1 − p for a
 * missed label), for a right row its confidence in its least sure decision.
 *
 * @param probabilities per model label, in the model's label order
 */
public record ItemResult(long itemId, String text, List<String> gold, List<String> predicted, double confidence,
        double[] probabilities) {
    public ItemResult {
        gold = List.copyOf(gold);
        predicted = List.copyOf(predicted);
    }

    /** Right when the predicted label set equals the gold set. */
    public boolean correct() {
        return new HashSet<>(gold).equals(new HashSet<>(predicted));
    }

    public String goldText() {
        return String.join(", ", gold);
    }

    public String predictedText() {
        return String.join(", ", predicted);
    }
}
