package kcwb.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A padded batch in plain Java arrays (built on the producer thread, which never touches native memory).
 * Rows are padded to the longest row with id 0 and mask 0. Labels: one class index per row for
 * single-label problems, a row-major multi-hot matrix [rows, numLabels] for multi-label ones.
 */
public record HostBatch(int rows, int length, long[] inputIds, long[] attentionMask, long[] tokenTypeIds,
        long[] classLabels, float[] multiHotLabels, int numLabels, List<Integer> exampleIndices) {

    /** {@code NDList(inputIds, attentionMask, tokenTypeIds)}, int64 [rows, length], in {@code manager}. */
    public NDList inputs(NDManager manager) {
        Shape shape = new Shape(rows, length);
        return new NDList(manager.create(inputIds, shape), manager.create(attentionMask, shape),
                manager.create(tokenTypeIds, shape));
    }

    /** int64 [rows] class indices, or float32 [rows, numLabels] multi-hot targets. */
    public NDArray labels(NDManager manager) {
        return classLabels != null
                ? manager.create(classLabels, new Shape(rows))
                : manager.create(multiHotLabels, new Shape(rows, numLabels));
    }
}
