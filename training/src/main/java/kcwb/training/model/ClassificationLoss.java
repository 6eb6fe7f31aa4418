package kcwb.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The losses of HF's ELECTRA heads, with PyTorch's formulas (mean reduction): cross-entropy for single-label,
 * BCE-with-logits for multi-label, MSE for regression, and token cross-entropy that ignores label -100.
 * Labels are checked first: an out-of-range class would otherwise be silently counted as zero.
 */
public final class ClassificationLoss {
    /** The label of a token that does not count (sub-word continuations, padding), as in HF. */
    public static final long IGNORE_INDEX = -100;

    private ClassificationLoss() {}

    /**
     * The sequence classification loss for logits [batch, numLabels]; labels are int64 [batch] class ids, or
     * float [batch, numLabels] 0/1 targets for multi-label, or float [batch] targets for regression. Without a
     * problem_type, HF's rule picks: one label → regression, integer labels → single-label, else multi-label.
     */
    public static NDArray sequence(ElectraConfig config, NDArray logits, NDArray labels) {
        String problem = config.problemType();
        if (problem == null) {
            problem = config.numLabels() == 1 ? ElectraConfig.REGRESSION
                    : labels.getDataType().isInteger() ? ElectraConfig.SINGLE_LABEL : ElectraConfig.MULTI_LABEL;
        }
        return switch (problem) {
            case ElectraConfig.SINGLE_LABEL -> crossEntropy(logits, labels);
            case ElectraConfig.MULTI_LABEL -> bceWithLogits(logits, labels);
            case ElectraConfig.REGRESSION -> mse(logits, labels);
            default -> throw new IllegalStateException("unchecked problem_type " + problem);
        };
    }

    /** Mean cross-entropy of logits [batch, classes] against int64 class ids [batch]. */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        int classes = Math.toIntExact(logits.getShape().getLastDimension());
        checkClassIds(labels, classes, false);
        NDArray picked = logits.logSoftmax(-1).mul(labels.oneHot(classes)).sum(new int[] {-1});
        return picked.mean().neg();
    }

    /** Mean over tokens labelled other than -100 of the cross-entropy; logits [batch, seq, classes]. */
    public static NDArray tokenCrossEntropy(NDArray logits, NDArray labels) {
        int classes = Math.toIntExact(logits.getShape().getLastDimension());
        checkClassIds(labels, classes, true);
        NDArray counted = labels.neq(IGNORE_INDEX);
        NDArray safeLabels = labels.mul(counted.toType(DataType.INT64, false));
        NDArray picked = logits.logSoftmax(-1).mul(safeLabels.oneHot(classes)).sum(new int[] {-1});
        NDArray weights = counted.toType(DataType.FLOAT32, false);
        return picked.mul(weights).sum().div(weights.sum()).neg();
    }

    /** PyTorch's numerically stable BCE-with-logits, mean over all elements; targets in [0, 1]. */
    public static NDArray bceWithLogits(NDArray logits, NDArray targets) {
        checkSameShape(logits, targets);
        NDArray y = targets.toType(DataType.FLOAT32, false);
        NDArray maxVal = logits.neg().maximum(0f);
        NDArray softplus = maxVal.neg().exp().add(logits.neg().sub(maxVal).exp()).log().add(maxVal);
        return y.neg().add(1f).mul(logits).add(softplus).mean();
    }

    /** Mean squared error; with one label, both sides are squeezed like HF does. */
    public static NDArray mse(NDArray logits, NDArray targets) {
        NDArray x = logits.getShape().getLastDimension() == 1 ? logits.squeeze(-1) : logits;
        NDArray y = targets.toType(DataType.FLOAT32, false);
        if (y.getShape().dimension() == x.getShape().dimension() + 1 && y.getShape().getLastDimension() == 1) {
            y = y.squeeze(-1);
        }
        checkSameShape(x, y);
        return x.sub(y).square().mean();
    }

    private static void checkClassIds(NDArray labels, int classes, boolean allowIgnore) {
        if (!labels.getDataType().isInteger()) {
            throw new IllegalArgumentException("class labels must be integer ids, got " + labels.getDataType());
        }
        NDArray counted = allowIgnore ? labels.get(labels.neq(IGNORE_INDEX)) : labels;
        if (counted.isEmpty()) {
            throw new IllegalArgumentException("no label to compute a loss from (all are " + IGNORE_INDEX + ")");
        }
        long min = counted.min().getLong();
        long max = counted.max().getLong();
        if (min < 0 || max >= classes) {
            throw new IllegalArgumentException("class labels must be in [0, " + classes + ")"
                    + (allowIgnore ? " or " + IGNORE_INDEX : "") + ", found [" + min + ", " + max + "]");
        }
    }

    private static void checkSameShape(NDArray logits, NDArray targets) {
        if (!logits.getShape().equals(targets.getShape())) {
            throw new IllegalArgumentException("labels have shape " + targets.getShape() + " but logits have "
                    + logits.getShape());
        }
    }
}
