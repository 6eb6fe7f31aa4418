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

    /** Current annotations carrying each label (every annotator counts), most frequent first. */
    public Map<String, Long> perLabel(long projectId) {
        return counts("SELECT j.value, count(*) FROM annotations a JOIN items i ON i.id = a.item_id, json_each(a.labels_json) j"
                + " WHERE i.project_id = ? GROUP BY j.value ORDER BY count(*) DESC, j.value", projectId);
    }

    /** Items each annotator currently has labels on, most first. */
    public Map<String, Long> perAnnotator(long projectId) {
        return counts("SELECT a.annotator, count(*) FROM annotations a JOIN items i ON i.id = a.item_id"
                + " WHERE i.project_id = ? GROUP BY a.annotator ORDER BY count(*) DESC, a.annotator", projectId);
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
