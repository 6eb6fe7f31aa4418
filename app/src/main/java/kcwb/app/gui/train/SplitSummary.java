package kcwb.app.gui.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kcwb.storage.annotation.FinalLabelPolicy;
import kcwb.storage.annotation.FinalLabels;
import kcwb.storage.annotation.LabeledItem;
import kcwb.storage.item.Split;
import kcwb.storage.project.Project;
import kcwb.storage.workspace.Workspace;

/**
 * How many labelled items of a project each split holds, per label (majority label, as training takes them).
 * Items without a split count as train. Without any dev item, training holds out a seeded 10% of train.
 *
 * @param counts label → {train, dev, test}, in the project's label order
 */
public record SplitSummary(String project, Map<String, int[]> counts) {
    public static final int TRAIN = 0;
    public static final int DEV = 1;
    public static final int TEST = 2;

    public static SplitSummary read(Workspace workspace, Project project) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String label : workspace.labels().names(project.id())) {
            counts.put(label, new int[3]);
        }
        for (LabeledItem item : new FinalLabels(workspace).labelled(project, FinalLabelPolicy.majority(), null)) {
            int split = item.split() == Split.DEV ? DEV : item.split() == Split.TEST ? TEST : TRAIN;
            for (String label : item.labels()) {
                counts.computeIfAbsent(label, ignored -> new int[3])[split]++;
            }
        }
        return new SplitSummary(project.name(), counts);
    }

    public int total(int split) {
        return counts.values().stream().mapToInt(c -> c[split]).sum();
    }

    public boolean devIsHoldout() {
        return total(DEV) == 0;
    }

    /** One row per label: name, train, dev, test. */
    public List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((label, c) -> rows.add(new Object[] {label, c[TRAIN], c[DEV], c[TEST]}));
        return rows;
    }
}
