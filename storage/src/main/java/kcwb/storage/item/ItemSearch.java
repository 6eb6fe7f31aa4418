package kcwb.storage.item;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kcwb.storage.annotation.Annotation;
import kcwb.storage.run.Prediction;
import kcwb.storage.workspace.Workspace;

/**
 * Queries for the item table and item navigation. A table over a million items asks {@link #ids} once per
 * filter (8 bytes per matching item) and then {@link #rows} for the page of ids on screen, so it never holds
 * all rows. Same threading rule as {@link Workspace}: one thread at a time.
 */
public final class ItemSearch {
    private static final String UNCERTAINTY = "(SELECT max(p.uncertainty) FROM predictions p WHERE p.item_id = i.id)";
    private final Workspace workspace;

    public ItemSearch(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The ids of the items matching {@code filter}, in table order. */
    public long[] ids(ItemFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT i.id FROM items i");
        // Unlabeled: the partial index, in id order. Otherwise a rowid-order scan: another index (version 1 and 2 had
        // one on (project_id, content_hash)) would make SQLite sort a million ids afterwards (15 s instead of a fraction of one).
        sql.append(filter.unlabeledOnly() ? " INDEXED BY items_unlabeled" : " NOT INDEXED");
        sql.append(" WHERE i.project_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(filter.projectId());
        if (filter.unlabeledOnly()) {
            sql.append(" AND i.annotation_count = 0");
        }
        if (filter.split() != null) {
            sql.append(" AND i.split = ?");
            args.add(filter.split().key());
        }
        if (filter.annotator() != null) {
            // Imported labels (V3__compact_imports.sql) belong to their batch's annotator.
            sql.append(" AND (EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = i.id AND a.annotator = ?)"
                    + " OR (i.imported_labels IS NOT NULL AND (SELECT annotator FROM import_batches WHERE id = i.batch_id) = ?))");
            args.add(filter.annotator());
            args.add(filter.annotator());
        }
        if (filter.label() != null) {
            sql.append(" AND (EXISTS (SELECT 1 FROM annotations a, json_each(a.labels_json) j"
                    + " WHERE a.item_id = i.id AND j.value = ?) OR EXISTS (SELECT 1 FROM json_each(i.imported_labels) j WHERE j.value = ?))");
            args.add(filter.label());
            args.add(filter.label());
        }
        if (filter.disagreementOnly()) {
            sql.append(" AND i.annotation_count > 1"
                    + " AND (SELECT count(DISTINCT l) FROM (SELECT a.labels_json AS l FROM annotations a WHERE a.item_id = i.id"
                    + "   UNION ALL SELECT i.imported_labels WHERE i.imported_labels IS NOT NULL)) > 1");
        }
        if (filter.textContains() != null && !filter.textContains().isEmpty()) {
            sql.append(" AND instr(i.text, ?) > 0");
            args.add(filter.textContains());
        }
        sql.append(filter.byUncertainty() ? " ORDER BY " + UNCERTAINTY + " IS NULL, " + UNCERTAINTY + " DESC, i.id" : " ORDER BY i.id");
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared(sql.toString());
            for (int k = 0; k < args.size(); k++) {
                select.setObject(k + 1, args.get(k));
            }
            long[] ids = new long[1024];
            int size = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (size == ids.length) {
                        ids = Arrays.copyOf(ids, size * 2);
                    }
                    ids[size++] = rows.getLong(1);
                }
            }
            return Arrays.copyOf(ids, size);
        });
    }

    /** Table rows for these ids, in the same order; ids that no longer exist are left out. */
    public List<ItemRow> rows(long[] ids) {
        List<ItemRow> rows = new ArrayList<>(ids.length);
        for (long id : ids) {
            Optional<Item> item = workspace.items().get(id);
            if (item.isEmpty()) {
                continue;
            }
            List<Annotation> annotations = item.get().annotationCount() == 0
                    ? List.<Annotation>of() : workspace.annotations().forItem(id);
            List<Prediction> predictions = workspace.predictions().forItem(id);
            rows.add(new ItemRow(item.get(), annotations, predictions.isEmpty() ? null : predictions.getLast()));
        }
        return rows;
    }

    /** The item just before {@code beforeId} in id order (for "previous"). */
    public Optional<Item> previous(long projectId, long beforeId) {
        return one("SELECT " + ItemRepository.COLUMNS + " FROM items WHERE project_id = ? AND id < ? ORDER BY id DESC LIMIT 1",
                projectId, beforeId);
    }

    /** The item just after {@code afterId} in id order (for "next", labelled or not). */
    public Optional<Item> next(long projectId, long afterId) {
        return one("SELECT " + ItemRepository.COLUMNS + " FROM items WHERE project_id = ? AND id > ? ORDER BY id LIMIT 1",
                projectId, afterId);
    }

    private Optional<Item> one(String sql, long projectId, long id) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared(sql);
            select.setLong(1, projectId);
            select.setLong(2, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(ItemRepository.map(rows)) : Optional.empty();
            }
        });
    }
}
