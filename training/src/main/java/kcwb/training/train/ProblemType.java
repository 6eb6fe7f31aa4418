package kcwb.training.train;

/** What a sequence-classification head predicts; the names are the values of HF's {@code config.problem_type}. */
public enum ProblemType {
    /** One label per text: softmax + cross-entropy, prediction = argmax. */
    SINGLE_LABEL("single_label_classification"),
    /** Any number of labels per text: sigmoid + binary cross-entropy, prediction = probability ≥ 0.5. */
    MULTI_LABEL("multi_label_classification");

    private final String hfName;

    ProblemType(String hfName) {
        this.hfName = hfName;
    }

    /** The value HF writes to config.json's {@code problem_type}. */
    public String hfName() {
        return hfName;
    }
}
