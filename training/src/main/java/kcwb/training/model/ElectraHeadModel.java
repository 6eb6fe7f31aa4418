package kcwb.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * What the two ELECTRA task models share: the {@code electra} trunk, the HF forward contract of {@link HfModule}
 * with input checks that run before any native op, and the HF-keyed parameter map.
 */
public abstract sealed class ElectraHeadModel extends HfBlock implements HfModule
        permits ElectraForSequenceClassification, ElectraForTokenClassification {
    protected final ElectraConfig config;
    protected final ElectraModel electra;
    private SequencedMap<String, Parameter> named;

    protected ElectraHeadModel(ElectraConfig config) {
        this.config = config;
        this.electra = child("electra", new ElectraModel(config));
    }

    public ElectraConfig config() {
        return config;
    }

    /** HF's class name, written to config.json's {@code architectures}. */
    public abstract String architecture();

    /** The logits for the last hidden state [batch, seq, hidden]. */
    protected abstract NDArray head(ParameterStore store, NDArray sequenceOutput, boolean training);

    /** The HF loss for these logits and labels (see {@link ClassificationLoss}). */
    public abstract NDArray loss(NDArray logits, NDArray labels);

    @Override
    public final SequencedMap<String, Parameter> namedParameters() {
        if (named == null) {
            SequencedMap<String, Parameter> all = new LinkedHashMap<>();
            collectParameters("", all);
            named = Collections.unmodifiableSequencedMap(all);
        }
        return named;
    }

    @Override
    public final void useSparseEmbeddingGradients() {
        useSparseGradients();
    }

    /** Parameter count, e.g. for {@code kcwb model info}. */
    public final long parameterCount() {
        return namedParameters().values().stream().mapToLong(p -> p.getShape().size()).sum();
    }

    @Override
    protected final NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        ElectraInputs.check(config, inputs);
        NDArray sequenceOutput = electra.forward(store, inputs.get(0), inputs.get(1), inputs.get(2), training);
        return new NDList(head(store, sequenceOutput, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.numLabels())};
    }

    /** The shapes {@code initialize} is called with: one batch of one token for each of the three inputs. */
    static Shape[] initShapes() {
        Shape one = new Shape(1, 1);
        return new Shape[] {one, one, one};
    }

    static DataType dataType() {
        return DataType.FLOAT32;
    }
}
