package kcwb.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;

/** HF's ElectraForSequenceClassification: the trunk, then {@link ClassificationHead} on the first token. */
public final class ElectraForSequenceClassification extends ElectraHeadModel {
    private final ClassificationHead classifier;

    public ElectraForSequenceClassification(ElectraConfig config) {
        super(config);
        classifier = child("classifier", new ClassificationHead(config));
    }

    /** Builds the model, allocates its parameters on {@code manager} and fills them like HF's init from {@code seed}. */
    public static ElectraForSequenceClassification create(ElectraConfig config, NDManager manager, long seed) {
        ElectraForSequenceClassification model = new ElectraForSequenceClassification(config);
        ModelInitializer.initialize(model, manager, seed);
        return model;
    }

    @Override
    public String architecture() {
        return "ElectraForSequenceClassification";
    }

    @Override
    protected NDArray head(ParameterStore store, NDArray sequenceOutput, boolean training) {
        return classifier.forward(store, sequenceOutput, training);
    }

    /** Cross-entropy, BCE-with-logits or MSE by the config's problem_type, as HF decides it. */
    @Override
    public NDArray loss(NDArray logits, NDArray labels) {
        return ClassificationLoss.sequence(config, logits, labels);
    }

    /**
     * ElectraClassificationHead: token 0 → dropout → dense → GELU → dropout → out_proj (ELECTRA uses GELU where
     * BERT's pooler has tanh).
     */
    static final class ClassificationHead extends HfBlock {
        private final Linear dense;
        private final Linear outProj;
        private final double dropout;

        ClassificationHead(ElectraConfig config) {
            dense = child("dense", new Linear(config.hiddenSize(), config.hiddenSize()));
            outProj = child("out_proj", new Linear(config.hiddenSize(), config.numLabels()));
            dropout = config.effectiveClassifierDropout();
        }

        NDArray forward(ParameterStore store, NDArray features, boolean training) {
            NDArray x = features.get(new NDIndex(":, 0, :"));
            x = ElectraModel.dropout(x, dropout, training);
            x = ElectraModel.gelu(dense.forward(store, x, training));
            x = ElectraModel.dropout(x, dropout, training);
            return outProj.forward(store, x, training);
        }
    }
}
