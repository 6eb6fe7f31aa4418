package kcwb.training.predict;

import java.util.ArrayList;
import java.util.List;
import kcwb.training.train.ProblemType;

/**
 * One prediction. Single-label: softmax probabilities, the argmax label. Multi-label: independent sigmoid
 * probabilities, every label ≥ 0.5 (joined with ',' in {@code label}; empty when none). Uncertainty for active
 * learning: {@code margin} = top1 − top2 probability (small = uncertain) and {@code entropy} in nats (large =
 * uncertain; for multi-label the sum of the per-label binary entropies).
 */
public record PredictedLabel(String label, List<String> labels, double[] probabilities, double margin, double entropy) {

    /** From one row of raw logits in the order of {@code names} (e.g. to compute loss and prediction from one pass). */
    public static PredictedLabel of(float[] logits, List<String> names, ProblemType problemType) {
        double[] p = problemType == ProblemType.SINGLE_LABEL ? softmax(logits) : sigmoid(logits);
        double entropy = 0;
        List<String> chosen = new ArrayList<>();
        int best = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
            if (problemType == ProblemType.SINGLE_LABEL) {
                entropy -= p[i] > 0 ? p[i] * Math.log(p[i]) : 0;
            } else {
                entropy += binaryEntropy(p[i]);
                if (p[i] >= 0.5) {
                    chosen.add(names.get(i));
                }
            }
        }
        if (problemType == ProblemType.SINGLE_LABEL) {
            chosen.add(names.get(best));
        }
        double second = 0;
        for (int i = 0; i < p.length; i++) {
            if (i != best) {
                second = Math.max(second, p[i]);
            }
        }
        return new PredictedLabel(String.join(",", chosen), List.copyOf(chosen), p, p[best] - second, entropy);
    }

    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double[] sigmoid(float[] logits) {
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1 / (1 + Math.exp(-logits[i]));
        }
        return p;
    }

    private static double binaryEntropy(double p) {
        return (p > 0 ? -p * Math.log(p) : 0) + (p < 1 ? -(1 - p) * Math.log(1 - p) : 0);
    }
}
