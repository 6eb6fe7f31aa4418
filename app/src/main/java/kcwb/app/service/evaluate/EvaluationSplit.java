package kcwb.app.service.evaluate;

import java.util.Locale;

/**
 * Which labelled items to evaluate on: the run's dev set (the items of split dev, or the same seeded holdout of
 * train that {@code kcwb train} made), the test split, or every labelled item.
 */
public enum EvaluationSplit {
    DEV, TEST, ALL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
