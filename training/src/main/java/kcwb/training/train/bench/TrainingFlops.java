package kcwb.training.train.bench;

import kcwb.training.model.ElectraConfig;

/**
 * Training FLOPs of one ELECTRA sequence-classification example of {@code L} real tokens, counting matmuls only
 * (the usual "model FLOPs": embedding lookups, LayerNorm, softmax and the optimiser are left out):
 * <pre>
 *   forward  = 2·N·L + 4·layers·hidden·L² + 2·Nhead
 *   training = 3 × forward     (backward ≈ 2 × forward)
 *            = 6·N·L + 12·layers·hidden·L² + 6·Nhead
 * </pre>
 * where N = layers·(4·hidden² + 2·hidden·intermediate) are the encoder's matmul weights (Q, K, V, attention output,
 * the two feed-forward projections; plus embedding_size·hidden for embeddings_project when present), the L² term
 * is QKᵀ and probs·V, and Nhead = hidden² + hidden·labels is the classifier, which runs on token 0 only.
 * Padding is not counted: these are the FLOPs the data needs, the same for any batching.
 */
public final class TrainingFlops {
    private TrainingFlops() {}

    /** N: the encoder's matmul weight count (embeddings excluded). */
    public static long encoderMatmulWeights(ElectraConfig c) {
        long h = c.hiddenSize();
        long perLayer = 4 * h * h + 2 * h * c.intermediateSize();
        long project = c.embeddingSize() != c.hiddenSize() ? (long) c.embeddingSize() * h : 0;
        return c.numHiddenLayers() * perLayer + project;
    }

    /** Training FLOPs (forward + backward) of one example with {@code tokens} real tokens. */
    public static double perExample(ElectraConfig c, int tokens) {
        double n = encoderMatmulWeights(c);
        double head = (double) c.hiddenSize() * c.hiddenSize() + (double) c.hiddenSize() * c.numLabels();
        double l = tokens;
        return 6 * n * l + 12.0 * c.numHiddenLayers() * c.hiddenSize() * l * l + 6 * head;
    }

    /** Mean training FLOPs per example over a data set's token lengths. */
    public static double meanPerExample(ElectraConfig c, int[] tokenLengths) {
        if (tokenLengths.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int length : tokenLengths) {
            sum += perExample(c, length);
        }
        return sum / tokenLengths.length;
    }
}
