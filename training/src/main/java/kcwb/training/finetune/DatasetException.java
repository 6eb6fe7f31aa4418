package kcwb.training.finetune;

import java.util.List;

/**
 * Every problem found in a data file (or a train/dev pair), reported together so the user fixes them in one go.
 * One problem reads as that problem alone; several are listed one per line, the first {@value #SHOWN} of them.
 */
public final class DatasetException extends IllegalArgumentException {
    static final int SHOWN = 30;

    private final List<DatasetProblem> problems;

    public DatasetException(List<DatasetProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<DatasetProblem> problems() {
        return problems;
    }

    private static String message(List<DatasetProblem> problems) {
        if (problems.size() == 1) {
            return problems.getFirst().toString();
        }
        StringBuilder text = new StringBuilder().append(problems.size()).append(" problems in the data:");
        problems.stream().limit(SHOWN).forEach(p -> text.append("\n  ").append(p));
        if (problems.size() > SHOWN) {
            text.append("\n  … and ").append(problems.size() - SHOWN).append(" more");
        }
        return text.toString();
    }
}
