package kcwb.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import kcwb.training.eval.ClassificationMetrics;
import kcwb.training.eval.Evaluation;
import kcwb.training.model.HfModule;

/** Runs a model in eval mode (no dropout, no gradients) over a labelled split and scores it. */
public final class Evaluator {
    private final Batcher batcher;
    private final int batchSize;
    private final LossFunction loss;
    private final ProblemType problemType;
    private final List<String> labels;

    public Evaluator(Batcher batcher, int batchSize, LossFunction loss, ProblemType problemType, List<String> labels) {
        this.batcher = batcher;
        this.batchSize = batchSize;
        this.loss = loss;
        this.problemType = problemType;
        this.labels = List.copyOf(labels);
    }

    public Evaluation evaluate(HfModule model, NDManager parent) {
        int n = batcher.size();
        int k = labels.size();
        int[] gold = new int[n];
        int[] predicted = new int[n];
        boolean[][] goldSets = new boolean[n][];
        boolean[][] predictedSets = new boolean[n][];
        double lossSum = 0;
        ParameterStore store = new ParameterStore(parent, false);
        List<int[]> plan = BatchPlan.evaluation(batcher.approximateLengths(), batchSize);
        try (PrefetchingBatches batches = new PrefetchingBatches(batcher, plan, 0)) {
            while (batches.hasNext()) {
                HostBatch batch = batches.next();
                try (NDManager scope = parent.newSubManager()) {
                    NDArray logits = model.forward(store, batch.inputs(scope), false).head();
                    lossSum += loss.compute(logits, batch.labels(scope)).getFloat() * batch.rows();
                    if (problemType == ProblemType.SINGLE_LABEL) {
                        long[] argmax = logits.argMax(1).toLongArray();
                        for (int r = 0; r < batch.rows(); r++) {
                            int example = batch.exampleIndices().get(r);
                            gold[example] = (int) batch.classLabels()[r];
                            predicted[example] = (int) argmax[r];
                        }
                    } else {
                        float[] probabilities = ai.djl.nn.Activation.sigmoid(logits).toFloatArray();
                        for (int r = 0; r < batch.rows(); r++) {
                            int example = batch.exampleIndices().get(r);
                            goldSets[example] = new boolean[k];
                            predictedSets[example] = new boolean[k];
                            for (int l = 0; l < k; l++) {
                                goldSets[example][l] = batch.multiHotLabels()[r * k + l] > 0.5f;
                                predictedSets[example][l] = probabilities[r * k + l] >= ClassificationMetrics.MULTI_LABEL_THRESHOLD;
                            }
                        }
                    }
                }
            }
        }
        double meanLoss = n == 0 ? Double.NaN : lossSum / n;
        return problemType == ProblemType.SINGLE_LABEL
                ? ClassificationMetrics.singleLabel(gold, predicted, labels, meanLoss)
                : ClassificationMetrics.multiLabel(goldSets, predictedSets, labels, meanLoss);
    }
}
