package kcwb.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Checks the three forward inputs before they reach native code: an out-of-range id would otherwise surface as
 * an engine error deep inside an embedding lookup.
 */
final class ElectraInputs {
    private ElectraInputs() {}

    static void check(ElectraConfig config, NDList inputs) {
        if (inputs.size() != 3) {
            throw new IllegalArgumentException("expected NDList(inputIds, attentionMask, tokenTypeIds), got "
                    + inputs.size() + " arrays");
        }
        Shape shape = inputs.get(0).getShape();
        if (shape.dimension() != 2 || shape.get(0) < 1 || shape.get(1) < 1) {
            throw new IllegalArgumentException("inputIds must be [batch, seq] with both > 0, got " + shape);
        }
        if (shape.get(1) > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("sequence length " + shape.get(1)
                    + " exceeds max_position_embeddings " + config.maxPositionEmbeddings());
        }
        String[] names = {"inputIds", "attentionMask", "tokenTypeIds"};
        for (int i = 0; i < 3; i++) {
            NDArray array = inputs.get(i);
            if (array.getDataType() != DataType.INT64) {
                throw new IllegalArgumentException(names[i] + " must be int64, got " + array.getDataType());
            }
            if (!array.getShape().equals(shape)) {
                throw new IllegalArgumentException(names[i] + " has shape " + array.getShape()
                        + " but inputIds has " + shape);
            }
        }
        inRange("inputIds", inputs.get(0), config.vocabSize());
        inRange("attentionMask", inputs.get(1), 2);
        inRange("tokenTypeIds", inputs.get(2), config.typeVocabSize());
    }

    private static void inRange(String name, NDArray array, long limit) {
        long min = array.min().getLong();
        long max = array.max().getLong();
        if (min < 0 || max >= limit) {
            throw new IllegalArgumentException(name + " values must be in [0, " + limit + "), found [" + min
                    + ", " + max + "]");
        }
    }
}
