package kcwb.app.service.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import kcwb.training.eval.ClassificationMetrics;
import kcwb.training.eval.Evaluation;
import kcwb.training.predict.PredictedLabel;
import kcwb.training.predict.TrainedModel;
import kcwb.training.train.ProblemType;

/**
 * Runs a {@link TrainedModel} over an {@link EvaluationSet} in chunks (progress and cancel between chunks) and
 * keeps every item's prediction. Metrics come from {@link ClassificationMetrics}, the loss from the logits as
 * torch computes it (cross-entropy, or BCE-with-logits averaged over every cell), so the numbers match
 * {@link TrainedModel#evaluate} and {@code kcwb eval}.
 */
public final class ItemEvaluator {
    static final int CHUNK = 256;

    private ItemEvaluator() {}

    /** Throws {@link CancellationException} when {@code progress} asks to stop. */
    public static ItemEvaluation evaluate(TrainedModel model, EvaluationSet set, EvaluationProgress progress) {
        if (model.problemType() != set.problemType()) {
            throw new IllegalArgumentException(model.dir() + " is a " + name(model.problemType()) + " model but project '"
                    + set.project().name() + "' is " + name(set.problemType()));
        }
        List<String> labels = model.labels();
        List<EvaluationItem> known = set.items().stream().filter(i -> labels.containsAll(i.gold())).toList();
        if (known.isEmpty()) {
            throw new IllegalArgumentException("none of the " + set.items().size() + " items has labels the model knows "
                    + labels + " (project labels " + set.labels() + ")");
        }
        List<ItemResult> results = new ArrayList<>(known.size());
        double lossSum = 0;
        for (int start = 0; start < known.size(); start += CHUNK) {
            if (progress.isCancelled()) {
                throw new CancellationException("evaluation cancelled after " + start + " of " + known.size() + " items");
            }
            List<EvaluationItem> chunk = known.subList(start, Math.min(known.size(), start + CHUNK));
            float[][] logits = model.logits(chunk.stream().map(EvaluationItem::text).toList());
            for (int i = 0; i < chunk.size(); i++) {
                EvaluationItem item = chunk.get(i);
                boolean[] gold = multiHot(item.gold(), labels);
                lossSum += model.problemType() == ProblemType.SINGLE_LABEL ? crossEntropy(logits[i], gold)
                        : binaryCrossEntropy(logits[i], gold);
                PredictedLabel p = PredictedLabel.of(logits[i], labels, model.problemType());
                results.add(new ItemResult(item.itemId(), item.text(), item.gold(), p.labels(),
                        confidence(p, gold, model.problemType()), p.probabilities()));
            }
            progress.update(start + chunk.size(), known.size());
        }
        Evaluation metrics = metrics(results, labels, model.problemType(), lossSum / results.size());
        return new ItemEvaluation(model.dir(), set.split(), labels, metrics, results, set.items().size() - known.size());
    }

    private static Evaluation metrics(List<ItemResult> results, List<String> labels, ProblemType type, double loss) {
        int n = results.size();
        if (type == ProblemType.SINGLE_LABEL) {
            int[] gold = new int[n];
            int[] predicted = new int[n];
            for (int i = 0; i < n; i++) {
                gold[i] = labels.indexOf(results.get(i).gold().getFirst());
                predicted[i] = labels.indexOf(results.get(i).predicted().getFirst());
            }
            return ClassificationMetrics.singleLabel(gold, predicted, labels, loss);
        }
        boolean[][] gold = new boolean[n][];
        boolean[][] predicted = new boolean[n][];
        for (int i = 0; i < n; i++) {
            gold[i] = multiHot(results.get(i).gold(), labels);
            predicted[i] = multiHot(results.get(i).predicted(), labels);
        }
        return ClassificationMetrics.multiLabel(gold, predicted, labels, loss);
    }

    private static boolean[] multiHot(List<String> chosen, List<String> labels) {
        boolean[] hot = new boolean[labels.size()];
        chosen.forEach(label -> hot[labels.indexOf(label)] = true);
        return hot;
    }

    private static double confidence(PredictedLabel p, boolean[] gold, ProblemType type) {
        double[] probabilities = p.probabilities();
        if (type == ProblemType.SINGLE_LABEL) {
            return java.util.Arrays.stream(probabilities).max().orElse(0);
        }
        double mostSureWrong = -1;
        double leastSure = 1;
        for (int l = 0; l < probabilities.length; l++) {
            boolean predicted = probabilities[l] >= ClassificationMetrics.MULTI_LABEL_THRESHOLD;
            double sure = predicted ? probabilities[l] : 1 - probabilities[l];
            leastSure = Math.min(leastSure, sure);
            if (predicted != gold[l]) {
                mostSureWrong = Math.max(mostSureWrong, sure);
            }
        }
        return mostSureWrong >= 0 ? mostSureWrong : leastSure;
    }

    /** log Σ e^x − x_gold, computed stably. */
    static double crossEntropy(float[] logits, boolean[] gold) {
        double max = Double.NEGATIVE_INFINITY;
        for (float x : logits) {
            max = Math.max(max, x);
        }
        double sum = 0;
        int target = 0;
        for (int c = 0; c < logits.length; c++) {
            sum += Math.exp(logits[c] - max);
            target = gold[c] ? c : target;
        }
        return max + Math.log(sum) - logits[target];
    }

    /** Mean over labels of max(x, 0) − x·y + log(1 + e^−|x|) (torch's stable form). */
    static double binaryCrossEntropy(float[] logits, boolean[] gold) {
        double sum = 0;
        for (int l = 0; l < logits.length; l++) {
            double x = logits[l];
            sum += Math.max(x, 0) - (gold[l] ? x : 0) + Math.log1p(Math.exp(-Math.abs(x)));
        }
        return sum / logits.length;
    }

    private static String name(ProblemType type) {
        return type == ProblemType.SINGLE_LABEL ? "single-label" : "multi-label";
    }
}
