package kcwb.app.service.evaluate;

/**
 * Where one item falls in one label's 2×2 confusion matrix: the gold set has the label or not, the model flagged
 * it or not. {@link #FALSE_NEGATIVE} = missed, {@link #FALSE_POSITIVE} = wrongly flagged.
 */
public enum LabelOutcome {
    TRUE_POSITIVE(true, true),
    FALSE_NEGATIVE(true, false),
    FALSE_POSITIVE(false, true),
    TRUE_NEGATIVE(false, false);

    private final boolean gold;
    private final boolean predicted;

    LabelOutcome(boolean gold, boolean predicted) {
        this.gold = gold;
        this.predicted = predicted;
    }

    public static LabelOutcome of(boolean gold, boolean predicted) {
        return gold ? (predicted ? TRUE_POSITIVE : FALSE_NEGATIVE) : (predicted ? FALSE_POSITIVE : TRUE_NEGATIVE);
    }

    /** Of {@code item} for {@code label}: its gold set has the label / its predicted set has it. */
    public static LabelOutcome of(ItemResult item, String label) {
        return of(item.gold().contains(label), item.predicted().contains(label));
    }

    /** The gold set has the label (the matrix's first row). */
    public boolean gold() {
        return gold;
    }

    /** The model flagged the label (the matrix's first column). */
    public boolean predicted() {
        return predicted;
    }

    /** A right decision: the matrix's diagonal. */
    public boolean correct() {
        return gold == predicted;
    }
}
