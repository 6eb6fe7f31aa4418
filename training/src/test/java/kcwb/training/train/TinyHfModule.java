package kcwb.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import kcwb.training.model.HfModule;

/**
 * A stand-in for the ELECTRA classifier with HF-style names: mean of the unmasked token embeddings →
 * dense → tanh → LayerNorm → dropout → classifier. The same maths as optim/make_fixture.py's {@code Tiny}.
 * Every op takes the batch array as receiver, so results live in the per-step manager.
 */
final class TinyHfModule extends AbstractBlock implements HfModule {
    private final int hidden;
    private final int labels;
    private final float dropout;
    private final SequencedMap<String, Parameter> named = new LinkedHashMap<>();

    TinyHfModule(int vocab, int hidden, int labels, float dropout) {
        this.hidden = hidden;
        this.labels = labels;
        this.dropout = dropout;
        add("embeddings.word_embeddings.weight", Parameter.Type.WEIGHT, new Shape(vocab, hidden));
        add("encoder.dense.weight", Parameter.Type.WEIGHT, new Shape(hidden, hidden));
        add("encoder.dense.bias", Parameter.Type.BIAS, new Shape(hidden));
        add("encoder.LayerNorm.weight", Parameter.Type.GAMMA, new Shape(hidden));
        add("encoder.LayerNorm.bias", Parameter.Type.BETA, new Shape(hidden));
        add("classifier.weight", Parameter.Type.WEIGHT, new Shape(labels, hidden));
        add("classifier.bias", Parameter.Type.BIAS, new Shape(labels));
    }

    /** A seeded random model on CPU, ready to train. */
    static TinyHfModule random(NDManager manager, int vocab, int hidden, int labels, float dropout, int seed) {
        ai.djl.engine.Engine.getInstance().setRandomSeed(seed);
        TinyHfModule model = new TinyHfModule(vocab, hidden, labels, dropout);
        model.setInitializer(new NormalInitializer(0.5f), parameter -> true);
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 4), new Shape(1, 4), new Shape(1, 4));
        return model;
    }

    /** Overwrites parameter values (e.g. from a fixture), outside any gradient recording. */
    void load(Map<String, float[]> values) {
        values.forEach((name, data) -> named.get(name).getArray().set(FloatBuffer.wrap(data)));
    }

    Map<String, float[]> snapshot() {
        Map<String, float[]> copy = new LinkedHashMap<>();
        named.forEach((name, parameter) -> copy.put(name, parameter.getArray().toFloatArray()));
        return copy;
    }

    private void add(String name, Parameter.Type type, Shape shape) {
        named.put(name, addParameter(Parameter.builder().setName(name).setType(type).optShape(shape).build()));
    }

    @Override
    public SequencedMap<String, Parameter> namedParameters() {
        return named;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1).toType(DataType.FLOAT32, false).expandDims(-1);
        NDArray embedded = Embedding.embedding(ids, value(store, "embeddings.word_embeddings.weight", ids, training),
                SparseFormat.DENSE).head();
        NDArray pooled = embedded.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}));
        NDArray dense = Linear.linear(pooled, value(store, "encoder.dense.weight", ids, training),
                value(store, "encoder.dense.bias", ids, training)).head().tanh();
        NDArray normed = LayerNorm.layerNorm(dense, new Shape(hidden),
                value(store, "encoder.LayerNorm.weight", ids, training),
                value(store, "encoder.LayerNorm.bias", ids, training), 1e-12f).head();
        NDArray dropped = dropout > 0 ? Dropout.dropout(normed, dropout, training).head() : normed;
        return new NDList(Linear.linear(dropped, value(store, "classifier.weight", ids, training),
                value(store, "classifier.bias", ids, training)).head());
    }

    private NDArray value(ParameterStore store, String name, NDArray like, boolean training) {
        return store.getValue(named.get(name), like.getDevice(), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), labels)};
    }
}
