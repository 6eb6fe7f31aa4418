package kcwb.training.train;

import java.util.List;

/** Thrown before any training when hyperparameters are invalid; the message lists every problem. */
public final class InvalidTrainingConfigException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidTrainingConfigException(List<String> problems) {
        super("invalid training configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One human-readable sentence per invalid field. */
    public List<String> problems() {
        return problems;
    }
}
