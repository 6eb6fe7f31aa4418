package kcwb.training.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Allocates a model's parameters and fills them like HF's {@code _init_weights}: linear and embedding weights
 * from normal(0, initializer_range), biases 0, LayerNorm weight 1 and bias 0, the word embedding's padding row 0.
 * The numbers come from a Java {@link SplittableRandom} seeded with {@code seed}, visited in state-dict order, so
 * the same seed gives the same model on every machine and engine.
 */
final class ModelInitializer {
    private ModelInitializer() {}

    static void initialize(ElectraHeadModel model, NDManager manager, long seed) {
        model.initialize(manager, ElectraHeadModel.dataType(), ElectraHeadModel.initShapes());
        Map<Parameter, HfBlock.Init> inits = new IdentityHashMap<>();
        model.collectInits(inits);
        Map<Parameter, Integer> paddingRows = new IdentityHashMap<>();
        model.collectPaddingRows(paddingRows);
        SplittableRandom random = new SplittableRandom(seed);
        double std = model.config().initializerRange();
        for (Parameter parameter : model.namedParameters().values()) {
            float[] values = new float[Math.toIntExact(parameter.getShape().size())];
            switch (inits.get(parameter)) {
                case NORMAL -> {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) (random.nextGaussian() * std);
                    }
                    Integer row = paddingRows.get(parameter);
                    if (row != null) {
                        int width = Math.toIntExact(parameter.getShape().get(1));
                        java.util.Arrays.fill(values, row * width, (row + 1) * width, 0f);
                    }
                }
                case ONES -> java.util.Arrays.fill(values, 1f);
                case ZEROS -> { }
            }
            parameter.getArray().set(values);
        }
    }
}
