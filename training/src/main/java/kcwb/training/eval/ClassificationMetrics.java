package kcwb.training.eval;

import java.util.ArrayList;
import java.util.List;

/** Computes {@link Evaluation}s from gold labels and predictions (plain counting, no model). */
public final class ClassificationMetrics {
    /** Multi-label decision threshold on sigmoid probabilities (HF and sklearn convention). */
    public static final double MULTI_LABEL_THRESHOLD = 0.5;

    private ClassificationMetrics() {}

    /** Single-label: gold and predicted class indices in [0, labels.size()). */
    public static Evaluation singleLabel(int[] gold, int[] predicted, List<String> labels, double loss) {
        int k = labels.size();
        long[][] confusion = new long[k][k];
        long correct = 0;
        for (int i = 0; i < gold.length; i++) {
            confusion[gold[i]][predicted[i]]++;
            correct += gold[i] == predicted[i] ? 1 : 0;
        }
        List<ClassScores> perClass = new ArrayList<>();
        long tpSum = 0;
        long fpSum = 0;
        long fnSum = 0;
        for (int c = 0; c < k; c++) {
            long tp = confusion[c][c];
            long fp = 0;
            long fn = 0;
            for (int o = 0; o < k; o++) {
                if (o != c) {
                    fp += confusion[o][c];
                    fn += confusion[c][o];
                }
            }
            perClass.add(ClassScores.of(labels.get(c), tp, fp, fn));
            tpSum += tp;
            fpSum += fp;
            fnSum += fn;
        }
        double accuracy = ClassScores.ratio(correct, gold.length);
        return new Evaluation(gold.length, loss, accuracy, accuracy, macro(perClass),
                ClassScores.of("micro", tpSum, fpSum, fnSum).f1(), perClass, confusion, false);
    }

    /** Multi-label: gold[i][l] and predicted[i][l] say whether example i has label l. */
    public static Evaluation multiLabel(boolean[][] gold, boolean[][] predicted, List<String> labels, double loss) {
        int k = labels.size();
        long[] tp = new long[k];
        long[] fp = new long[k];
        long[] fn = new long[k];
        long cellsRight = 0;
        long rowsRight = 0;
        for (int i = 0; i < gold.length; i++) {
            boolean rowRight = true;
            for (int l = 0; l < k; l++) {
                boolean g = gold[i][l];
                boolean p = predicted[i][l];
                tp[l] += g && p ? 1 : 0;
                fp[l] += !g && p ? 1 : 0;
                fn[l] += g && !p ? 1 : 0;
                cellsRight += g == p ? 1 : 0;
                rowRight &= g == p;
            }
            rowsRight += rowRight ? 1 : 0;
        }
        List<ClassScores> perLabel = new ArrayList<>();
        long tpSum = 0;
        long fpSum = 0;
        long fnSum = 0;
        for (int l = 0; l < k; l++) {
            perLabel.add(ClassScores.of(labels.get(l), tp[l], fp[l], fn[l]));
            tpSum += tp[l];
            fpSum += fp[l];
            fnSum += fn[l];
        }
        return new Evaluation(gold.length, loss, ClassScores.ratio(cellsRight, (long) gold.length * k),
                ClassScores.ratio(rowsRight, gold.length), macro(perLabel),
                ClassScores.of("micro", tpSum, fpSum, fnSum).f1(), perLabel, new long[0][0], true);
    }

    private static double macro(List<ClassScores> scores) {
        return scores.stream().mapToDouble(ClassScores::f1).average().orElse(0.0);
    }
}
