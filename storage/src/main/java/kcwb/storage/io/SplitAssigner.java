package kcwb.storage.io;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import kcwb.storage.workspace.Workspace;

/**
 * Stratified, seeded train/dev/test split of one import batch: items are grouped by their
 * imported label (unlabelled items form their own group), each group is shuffled with the seed and
 * cut by the fractions. Same batch content + same seed = same split.
 */
final class SplitAssigner {
    private final Workspace workspace;

    SplitAssigner(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Assigns splits; returns the number of items per split. */
    Map<String, Long> assign(long batchId, long firstId, SplitSpec spec) throws SQLException {
        Map<String, LongList> strata = new TreeMap<>();
        PreparedStatement select = workspace.prepared("SELECT i.id, coalesce(i.imported_labels, '') FROM items i"
                + " WHERE i.id >= ? AND i.batch_id = ? ORDER BY i.id");
        select.setLong(1, firstId);
        select.setLong(2, batchId);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                strata.computeIfAbsent(rows.getString(2), k -> new LongList()).add(rows.getLong(1));
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>(Map.of("train", 0L, "dev", 0L, "test", 0L));
        Random random = new Random(spec.seed());
        PreparedStatement update = workspace.prepared("UPDATE items SET split = ? WHERE id = ?");
        for (LongList stratum : strata.values()) {
            long[] ids = stratum.toArray();
            shuffle(ids, random);
            int train = (int) Math.round(ids.length * spec.train());
            int dev = Math.min(ids.length - train, (int) Math.round(ids.length * spec.dev()));
            for (int i = 0; i < ids.length; i++) {
                String split = i < train ? "train" : i < train + dev ? "dev" : "test";
                update.setString(1, split);
                update.setLong(2, ids[i]);
                update.executeUpdate();
                counts.merge(split, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static void shuffle(long[] ids, Random random) {
        for (int i = ids.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = ids[i];
            ids[i] = ids[j];
            ids[j] = swap;
        }
    }

    /** A growable long array: a million boxed Longs would not fit the 256 MB heap budget comfortably. */
    private static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
