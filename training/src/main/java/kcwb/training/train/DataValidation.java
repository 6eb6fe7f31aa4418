package kcwb.training.train;

/** Checks every example's labels before training, so a bad row fails the run before its first step. */
final class DataValidation {
    private DataValidation() {}

    static void check(ExampleSource source, String split, int numLabels, ProblemType problemType) {
        for (int i = 0; i < source.size(); i++) {
            LabeledExample example = source.get(i);
            if (problemType == ProblemType.SINGLE_LABEL && example.labels().size() != 1) {
                throw new IllegalArgumentException(split + " example " + example.id() + " has "
                        + example.labels().size() + " labels; single-label training needs exactly one");
            }
            for (int label : example.labels()) {
                if (label < 0 || label >= numLabels) {
                    throw new IllegalArgumentException(split + " example " + example.id() + " has label index "
                            + label + ", outside the " + numLabels + " labels");
                }
            }
        }
    }
}
