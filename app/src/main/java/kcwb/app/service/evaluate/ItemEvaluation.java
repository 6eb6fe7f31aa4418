package kcwb.app.service.evaluate;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import kcwb.training.eval.Evaluation;

/**
 * A model's metrics on a split together with every item's prediction, so a confusion matrix cell or an error
 * leads back to its items.
 *
 * @param labels the model's labels (the confusion matrix's order)
 * @param skipped items left out because a gold label is not one the model knows
 */
public record ItemEvaluation(Path model, EvaluationSplit split, List<String> labels, Evaluation metrics,
        List<ItemResult> items, int skipped) {
    public ItemEvaluation {
        labels = List.copyOf(labels);
        items = List.copyOf(items);
    }

    public boolean multiLabel() {
        return metrics.multiLabel();
    }

    /** Single-label: the items with gold label {@code gold} predicted as {@code predicted} (label indices), by id. */
    public List<ItemResult> cell(int gold, int predicted) {
        String g = labels.get(gold);
        String p = labels.get(predicted);
        return items.stream().filter(r -> r.gold().equals(List.of(g)) && r.predicted().equals(List.of(p))).toList();
    }

    /** Multi-label: the 2×2 counts of {@code label} over every evaluated item. */
    public LabelConfusion labelConfusion(String label) {
        long[] counts = new long[LabelOutcome.values().length];
        items.forEach(r -> counts[LabelOutcome.of(r, label).ordinal()]++);
        return new LabelConfusion(label, counts[LabelOutcome.TRUE_POSITIVE.ordinal()],
                counts[LabelOutcome.FALSE_NEGATIVE.ordinal()], counts[LabelOutcome.FALSE_POSITIVE.ordinal()],
                counts[LabelOutcome.TRUE_NEGATIVE.ordinal()]);
    }

    /** Multi-label: the items in one cell of {@code label}'s 2×2 matrix (missed, wrongly flagged, ...), by id. */
    public List<ItemResult> labelCell(String label, LabelOutcome outcome) {
        return items.stream().filter(r -> LabelOutcome.of(r, label) == outcome).toList();
    }

    /** The wrong predictions, most confident first (the errors most worth a second look); ties by item id. */
    public List<ItemResult> misclassified() {
        return items.stream().filter(r -> !r.correct())
                .sorted(Comparator.comparingDouble(ItemResult::confidence).reversed()
                        .thenComparingLong(ItemResult::itemId))
                .toList();
    }
}
