package kcwb.training.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kcwb.training.model.HfModule;
import kcwb.training.train.BatchPlan;
import kcwb.training.train.Batcher;
import kcwb.training.train.ExampleSource;
import kcwb.training.train.HostBatch;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.ProblemType;
import kcwb.training.train.TextEncoder;

/** Eval-mode logits of raw texts, batched by length; each batch's arrays live in a scope closed at once. */
public final class ModelLogits {
    private static final int BATCH = 64;

    private ModelLogits() {}

    public static float[][] compute(HfModule model, TextEncoder encoder, int maxLength, int numLabels,
            ProblemType problemType, List<String> texts, NDManager manager) {
        List<LabeledExample> examples = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            examples.add(new LabeledExample(Integer.toString(i), texts.get(i),
                    problemType == ProblemType.SINGLE_LABEL ? List.of(0) : List.of()));
        }
        Batcher batcher = new Batcher(ExampleSource.of(examples), encoder, maxLength, numLabels, problemType);
        float[][] out = new float[texts.size()][];
        ParameterStore store = new ParameterStore(manager, false);
        for (int[] indices : BatchPlan.evaluation(batcher.approximateLengths(), BATCH)) {
            HostBatch batch = batcher.batch(indices);
            try (NDManager scope = manager.newSubManager()) {
                NDArray logits = model.forward(store, batch.inputs(scope), false).head();
                float[] flat = logits.toFloatArray();
                for (int r = 0; r < batch.rows(); r++) {
                    out[batch.exampleIndices().get(r)] = Arrays.copyOfRange(flat, r * numLabels, (r + 1) * numLabels);
                }
            }
        }
        return out;
    }
}
