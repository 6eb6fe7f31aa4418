package kcwb.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/** HF's ElectraForTokenClassification: the trunk, dropout, then one linear layer per token. */
public final class ElectraForTokenClassification extends ElectraHeadModel {
    private final Linear classifier;
    private final double dropout;

    public ElectraForTokenClassification(ElectraConfig config) {
        super(config);
        dropout = config.effectiveClassifierDropout();
        classifier = child("classifier", new Linear(config.hiddenSize(), config.numLabels()));
    }

    /** Builds the model, allocates its parameters on {@code manager} and fills them like HF's init from {@code seed}. */
    public static ElectraForTokenClassification create(ElectraConfig config, NDManager manager, long seed) {
        ElectraForTokenClassification model = new ElectraForTokenClassification(config);
        ModelInitializer.initialize(model, manager, seed);
        return model;
    }

    @Override
    public String architecture() {
        return "ElectraForTokenClassification";
    }

    @Override
    protected NDArray head(ParameterStore store, NDArray sequenceOutput, boolean training) {
        return classifier.forward(store, ElectraModel.dropout(sequenceOutput, dropout, training), training);
    }

    /** Mean cross-entropy over tokens whose label is not -100. */
    @Override
    public NDArray loss(NDArray logits, NDArray labels) {
        return ClassificationLoss.tokenCrossEntropy(logits, labels);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), config.numLabels())};
    }
}
