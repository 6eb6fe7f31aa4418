package kcwb.training.train;

import ai.djl.ndarray.NDArray;

/** (logits, labels) → scalar mean loss, as HF's heads compute it. Results live in the logits' manager. */
@FunctionalInterface
public interface LossFunction {
    NDArray compute(NDArray logits, NDArray labels);

    /** torch CrossEntropyLoss (mean): logits [B, C] float, labels [B] int64 class indices. */
    static LossFunction crossEntropy() {
        return (logits, labels) -> {
            NDArray logProbabilities = logits.logSoftmax(1);
            NDArray oneHot = labels.oneHot((int) logits.getShape().get(1), logits.getDataType());
            return logProbabilities.mul(oneHot).sum(new int[] {1}).neg().mean();
        };
    }

    /** torch BCEWithLogitsLoss (mean over all cells): logits and multi-hot labels [B, C] float. */
    static LossFunction binaryCrossEntropyWithLogits() {
        return (logits, labels) -> {
            // max(x, 0) − x·y + log(1 + e^−|x|): the numerically stable form torch uses
            NDArray stable = logits.clip(0, Float.MAX_VALUE).sub(logits.mul(labels));
            return stable.add(logits.abs().neg().exp().add(1).log()).mean();
        };
    }

    static LossFunction forProblem(ProblemType problemType) {
        return problemType == ProblemType.SINGLE_LABEL ? crossEntropy() : binaryCrossEntropyWithLogits();
    }
}
