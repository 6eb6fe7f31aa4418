package kcwb.storage.annotation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import kcwb.storage.workspace.Workspace;

/** Counts for a progress screen: current labels per label and per annotator, label edits per hour. */
public final class AnnotationStats {
    private final Workspace workspace;

    public AnnotationStats(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Current annotations carrying each label (every annotator and imported labels count), most frequent first. */
    public Map<String, Long> perLabel(long projectId) {
        return counts("SELECT label, count(*) FROM ("
                + " SELECT j.value AS label FROM annotations a JOIN items i ON i.id = a.item_id, json_each(a.labels_json) j"
                + "   WHERE i.project_id = ?1"
                + " UNION ALL SELECT j.value FROM items i, json_each(i.imported_labels) j"
                + "   WHERE i.project_id = ?1 AND i.imported_labels IS NOT NULL)"
                + " GROUP BY label ORDER BY count(*) DESC, label", projectId);
    }

    /** Items each annotator currently has labels on (imported labels count for their batch's annotator), most first. */
    public Map<String, Long> perAnnotator(long projectId) {
        return counts("SELECT annotator, count(*) FROM ("
                + " SELECT a.annotator AS annotator FROM annotations a JOIN items i ON i.id = a.item_id WHERE i.project_id = ?1"
                + " UNION ALL SELECT b.annotator FROM items i JOIN import_batches b ON b.id = i.batch_id"
                + "   WHERE i.project_id = ?1 AND i.imported_labels IS NOT NULL AND b.annotator IS NOT NULL)"
                + " GROUP BY annotator ORDER BY count(*) DESC, annotator", projectId);
    }

    /** Label edits (not undo/redo, not imports) per UTC hour "YYYY-MM-DDTHH", oldest first, last {@code hours} hours with edits. */
    public Map<String, Long> editsPerHour(long projectId, int hours) {
        Map<String, Long> newestFirst = counts("SELECT substr(at, 1, 13), count(*) FROM annotation_history"
                + " INDEXED BY annotation_history_annotator WHERE project_id = ? AND kind = 'edit'"
                + " GROUP BY substr(at, 1, 13) ORDER BY substr(at, 1, 13) DESC LIMIT " + Math.max(1, hours), projectId);
        Map<String, Long> oldestFirst = new LinkedHashMap<>();
        newestFirst.keySet().stream().sorted().forEach(hour -> oldestFirst.put(hour, newestFirst.get(hour)));
        return oldestFirst;
    }

    private Map<String, Long> counts(String sql, long projectId) {
        return workspace.call(() -> {
            PreparedStatement select = workspace.prepared(sql);
            select.setLong(1, projectId);
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        });
    }
}
