package kcwb.storage.io;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import kcwb.storage.annotation.LabelsJson;
import kcwb.storage.project.TaskType;

/**
 * The import's per-row decisions that need no database: validation, label checks, the minimum length,
 * the duplicate lookup by content hash, and the new item's id. It runs on the reader thread
 * ({@link RowPrefetcher}), so the importing thread, which owns the connection, only writes.
 *
 * <p>Ids: the import holds the write lock for its whole transaction, so the items it inserts take the
 * contiguous ids from {@code firstId} in file order. A possible duplicate takes no id; in the practically
 * impossible case that it is a hash collision and not a duplicate, {@link ImportWriter} inserts it after
 * the last row.
 */
final class ImportScreen {
    private final TaskType taskType;
    private final ImportOptions options;
    private final Set<String> knownLabels;
    private final LongLongHashMap knownHashes;
    private final ToLongFunction<byte[]> contentHash;
    private final Map<List<String>, String> labelsJson = new HashMap<>();
    private long nextId;

    /**
     * @param knownHashes the project's content hashes with the first item id that has each; null when dedupe is off
     * @param contentHash {@link kcwb.storage.item.ContentHash#ofUtf8} (tests pass a weaker one to make collisions)
     */
    ImportScreen(TaskType taskType, ImportOptions options, Set<String> knownLabels, LongLongHashMap knownHashes,
            long firstId, ToLongFunction<byte[]> contentHash) {
        this.taskType = taskType;
        this.options = options;
        this.knownLabels = new HashSet<>(knownLabels);
        this.knownHashes = knownHashes;
        this.contentHash = contentHash;
        this.nextId = firstId;
    }

    /** Decides {@code parsed}: emits any labels to create first, then exactly one {@link ScreenedRow.Row}. */
    void screen(ParsedRow parsed, Consumer<ScreenedRow> out) {
        out.accept(switch (parsed) {
            case ParsedRow.Rejected rejected -> new ScreenedRow.Rejected(rejected.line(), rejected.reason(), null);
            case ParsedRow.Good good -> screenGood(good, out);
        });
    }

    private ScreenedRow.Row screenGood(ParsedRow.Good good, Consumer<ScreenedRow> out) {
        String text = good.text();
        long line = good.line();
        if (text.isBlank()) {
            return new ScreenedRow.Rejected(line, "empty text", null);
        }
        List<String> labels = good.labels();
        if (labels.size() > 1 && taskType == TaskType.SINGLE_LABEL) {
            return new ScreenedRow.Rejected(line, "several labels " + labels + " for a single-label project", null);
        }
        for (String label : labels) {
            if (!knownLabels.contains(label)) {
                if (!options.createLabels()) {
                    return new ScreenedRow.Rejected(line,
                            "unknown label '" + label + "' (not in the project; import with --create-labels to add it)", label);
                }
                knownLabels.add(label);
                out.accept(new ScreenedRow.CreateLabel(label));
            }
        }
        if (options.minTextLength() > 0 && text.codePointCount(0, text.length()) < options.minTextLength()) {
            return new ScreenedRow.TooShort(line);
        }
        byte[] utf8 = good.textUtf8() != null ? good.textUtf8() : text.getBytes(StandardCharsets.UTF_8);
        long hash = contentHash.applyAsLong(utf8);
        String imported = labels.isEmpty() ? null : labelsJson.computeIfAbsent(labels, LabelsJson::write);
        if (knownHashes != null) {
            long firstId = knownHashes.get(hash);
            if (firstId != LongLongHashMap.ABSENT) {
                return new ScreenedRow.PossibleDuplicate(line, text,
                        new ItemRowInserter.Row(0, utf8, hash, line, good.metadataJson(), imported), firstId);
            }
            knownHashes.putIfAbsent(hash, nextId);
        }
        return new ScreenedRow.Insert(line, text, new ItemRowInserter.Row(nextId++, utf8, hash, line, good.metadataJson(), imported));
    }
}
