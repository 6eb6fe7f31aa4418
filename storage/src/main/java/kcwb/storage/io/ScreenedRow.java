package kcwb.storage.io;

/**
 * What {@link ImportScreen} decided for one step of an import, in file order. Everything here was
 * decided without the database; the importing thread applies it (writes, counts, reports).
 */
sealed interface ScreenedRow {

    /** A label the file uses that the project lacks, to be created before the rows that follow (--create-labels). */
    record CreateLabel(String name) implements ScreenedRow {}

    /** A row of the file; every row read yields exactly one of these. */
    sealed interface Row extends ScreenedRow {
        long line();
    }

    /** A new item: {@code row.id()} is already assigned (ids of inserted rows are contiguous, in file order). */
    record Insert(long line, String text, ItemRowInserter.Row row) implements Row {}

    /**
     * A row whose text hash the project (or this import) already has, under item {@code firstId}: a duplicate
     * unless the texts differ (a 64-bit collision), which only the database can tell. {@code row} has no id yet.
     */
    record PossibleDuplicate(long line, String text, ItemRowInserter.Row row, long firstId) implements Row {}

    /** A row shorter than the minimum text length: counted, not imported, not an error. */
    record TooShort(long line) implements Row {}

    /** A row refused with a reason; {@code unknownLabel} names the label when that was the reason. */
    record Rejected(long line, String reason, String unknownLabel) implements Row {}
}
