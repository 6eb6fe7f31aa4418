package kcwb.app.gui.runs;

import java.util.Comparator;
import java.util.function.Function;

/** The columns the runs table sorts by; missing values sort last in both directions. */
public enum RunSort {
    PROJECT(RunRow::projectName),
    NAME(RunRow::name),
    STATE(row -> row.state().key()),
    STARTED(RunRow::startedAt),
    DURATION(RunRow::duration),
    BASE_MODEL(RunRow::baseModel),
    EPOCHS(RunRow::epochs),
    BATCH(RunRow::batchSize),
    LEARNING_RATE(RunRow::learningRate),
    MAX_LENGTH(RunRow::maxLength),
    DATASET(RunRow::datasetHash),
    BEST_METRIC(RunRow::bestMetric);

    private final Function<RunRow, ? extends Comparable<?>> key;

    RunSort(Function<RunRow, ? extends Comparable<?>> key) {
        this.key = key;
    }

    /** Rows in this column's order, missing values last; ties by run id. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<RunRow> comparator(boolean ascending) {
        Comparator<Comparable> values = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<RunRow> byKey = Comparator.comparing(row -> (Comparable) key.apply(row), Comparator.nullsLast(values));
        return byKey.thenComparingLong(RunRow::id);
    }
}
