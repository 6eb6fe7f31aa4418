package kcwb.app.service.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kcwb.app.service.train.TrainingData;
import kcwb.app.service.train.TrainingDataLoader;
import kcwb.storage.annotation.FinalLabelPolicy;
import kcwb.storage.annotation.FinalLabels;
import kcwb.storage.annotation.LabeledItem;
import kcwb.storage.item.Split;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.ProblemType;

/**
 * Reads an {@link EvaluationSet} from a workspace with the rules training uses (majority final label; a
 * single-label tie has no label yet). "dev" goes through {@link TrainingDataLoader#fromWorkspace}, so it is the
 * very dev set a run with {@code splitSeed} trained against (the dev split, else the seeded holdout of train).
 */
public final class EvaluationSetLoader {
    private EvaluationSetLoader() {}

    public static EvaluationSet load(Workspace workspace, long projectId, EvaluationSplit split, long splitSeed) {
        Project project = workspace.projects().get(projectId).orElseThrow(() -> new IllegalArgumentException(
                workspace.file() + ": no project with id " + projectId));
        if (project.taskType() == TaskType.SPAN) {
            throw new IllegalArgumentException("project '" + project.name() + "' is a span project; evaluation needs classification");
        }
        ProblemType problemType = project.taskType() == TaskType.MULTI_LABEL ? ProblemType.MULTI_LABEL : ProblemType.SINGLE_LABEL;
        List<String> labels = workspace.labels().names(project.id());
        List<EvaluationItem> items = split == EvaluationSplit.DEV ? dev(workspace, project, splitSeed)
                : labelled(workspace, project, problemType, split == EvaluationSplit.TEST ? Split.TEST : null);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("project '" + project.name() + "' has no labelled items in split '"
                    + split.key() + "'");
        }
        return new EvaluationSet(project, split, labels, problemType, items);
    }

    private static List<EvaluationItem> dev(Workspace workspace, Project project, long splitSeed) {
        TrainingData data = TrainingDataLoader.fromWorkspace(workspace, project.name(), splitSeed);
        List<EvaluationItem> items = new ArrayList<>();
        for (LabeledExample example : data.dev()) {
            items.add(new EvaluationItem(Long.parseLong(example.id()), example.text(),
                    example.labels().stream().map(data.labels()::get).toList()));
        }
        items.sort(Comparator.comparingLong(EvaluationItem::itemId));
        return items;
    }

    private static List<EvaluationItem> labelled(Workspace workspace, Project project, ProblemType problemType, Split only) {
        List<EvaluationItem> items = new ArrayList<>();
        for (LabeledItem item : new FinalLabels(workspace).labelled(project, FinalLabelPolicy.majority(), only)) {
            if (problemType == ProblemType.SINGLE_LABEL && item.labels().size() != 1) {
                continue; // a tie under the majority policy: no final label yet
            }
            items.add(new EvaluationItem(item.itemId(), item.text(), item.labels()));
        }
        return items;
    }
}
