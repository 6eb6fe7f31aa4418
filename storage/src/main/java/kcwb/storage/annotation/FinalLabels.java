package kcwb.storage.annotation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kcwb.storage.item.Split;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;

/**
 * Reads a project's items with their final labels, streaming in id order: what export and the
 * training engine consume.
 */
public final class FinalLabels {
    private final Workspace workspace;

    public FinalLabels(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Every item of the project (optionally only one split; null = all), in id order. */
    public void forEach(Project project, FinalLabelPolicy policy, Split only, Consumer<LabeledItem> consumer) {
        List<String> labelOrder = workspace.labels().names(project.id());
        workspace.call(() -> {
            // Imported labels live on the item (V3__compact_imports.sql) and count as their batch annotator's vote.
            PreparedStatement select = workspace.connection().prepareStatement("SELECT i.id, i.text, i.split, a.annotator,"
                    + " a.labels_json, i.imported_labels, CASE WHEN i.imported_labels IS NOT NULL"
                    + "   THEN (SELECT annotator FROM import_batches WHERE id = i.batch_id) END"
                    + " FROM items i LEFT JOIN annotations a ON a.item_id = i.id"
                    + " WHERE i.project_id = ? AND (? IS NULL OR i.split = ?) ORDER BY i.id, a.annotator");
            try (select) {
                select.setLong(1, project.id());
                select.setString(2, only == null ? null : only.key());
                select.setString(3, only == null ? null : only.key());
                try (ResultSet rows = select.executeQuery()) {
                    long currentId = -1;
                    String text = null;
                    Split split = null;
                    Map<String, List<String>> byAnnotator = new LinkedHashMap<>();
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        if (id != currentId && currentId != -1) {
                            consumer.accept(resolve(currentId, text, split, byAnnotator, project.taskType(), policy, labelOrder));
                            byAnnotator = new LinkedHashMap<>();
                        }
                        currentId = id;
                        text = rows.getString(2);
                        split = Split.fromKey(rows.getString(3));
                        String annotator = rows.getString(4);
                        if (annotator != null) {
                            byAnnotator.put(annotator, LabelsJson.read(rows.getString(5)));
                        }
                        String importAnnotator = rows.getString(7);
                        if (importAnnotator != null && !byAnnotator.containsKey(importAnnotator)) {
                            byAnnotator.put(importAnnotator, LabelsJson.read(rows.getString(6)));
                        }
                    }
                    if (currentId != -1) {
                        consumer.accept(resolve(currentId, text, split, byAnnotator, project.taskType(), policy, labelOrder));
                    }
                }
            }
            return null;
        });
    }

    /** The labelled items of one split (null = all), ready for training. */
    public List<LabeledItem> labelled(Project project, FinalLabelPolicy policy, Split split) {
        List<LabeledItem> items = new ArrayList<>();
        forEach(project, policy, split, item -> {
            if (!item.labels().isEmpty()) {
                items.add(item);
            }
        });
        return items;
    }

    static LabeledItem resolve(long id, String text, Split split, Map<String, List<String>> byAnnotator,
            TaskType taskType, FinalLabelPolicy policy, List<String> labelOrder) {
        List<String> labels;
        if (policy.mode() == FinalLabelPolicy.Mode.ADJUDICATED && byAnnotator.containsKey(policy.adjudicator())) {
            labels = byAnnotator.get(policy.adjudicator());
        } else {
            labels = majority(byAnnotator.values(), taskType, labelOrder);
        }
        return new LabeledItem(id, text, split, List.copyOf(labels), Map.copyOf(byAnnotator));
    }

    static List<String> majority(java.util.Collection<List<String>> votes, TaskType taskType, List<String> labelOrder) {
        if (votes.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> vote : votes) {
            List<String> counted = taskType == TaskType.MULTI_LABEL ? vote : vote.subList(0, Math.min(1, vote.size()));
            for (String label : counted) {
                counts.merge(label, 1, Integer::sum);
            }
        }
        List<String> ordered = new ArrayList<>(counts.keySet());
        ordered.sort(java.util.Comparator.comparingInt((String l) -> rank(labelOrder, l)).thenComparing(l -> l));
        if (taskType == TaskType.MULTI_LABEL) {
            return ordered.stream().filter(l -> counts.get(l) * 2 >= votes.size()).toList();
        }
        String best = null;
        for (String label : ordered) {
            if (best == null || counts.get(label) > counts.get(best)) {
                best = label;
            }
        }
        return best == null ? List.of() : List.of(best);
    }

    private static int rank(List<String> labelOrder, String label) {
        int index = labelOrder.indexOf(label);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
