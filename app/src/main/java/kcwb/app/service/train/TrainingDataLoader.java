package kcwb.app.service.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import kcwb.storage.annotation.FinalLabelPolicy;
import kcwb.storage.annotation.FinalLabels;
import kcwb.storage.annotation.LabeledItem;
import kcwb.storage.item.Split;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.training.finetune.FileDataset;
import kcwb.training.finetune.FileDatasetOptions;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.ProblemType;

/**
 * Builds {@link TrainingData} from files or a workspace project, refusing before any training: empty data,
 * bad rows, labels outside the label set (naming file and line, or item id). Without a dev split, a seeded
 * 10% holdout of train becomes dev.
 */
public final class TrainingDataLoader {
    static final double HOLDOUT = 0.1;

    private TrainingDataLoader() {}

    /**
     * Label set = the train file's labels, sorted; dev labels must be among them. Every bad row of both files is
     * reported together ({@link kcwb.training.finetune.DatasetException}).
     */
    public static TrainingData fromFiles(Path trainFile, Path devFile, FileDatasetOptions options, long splitSeed)
            throws IOException {
        FileDataset data = FileDataset.load(trainFile, devFile, options);
        if (data.dev() == null) {
            return holdout(data.labels(), data.problemType(), data.train(), "files:train=" + trainFile, splitSeed);
        }
        return new TrainingData(data.labels(), data.problemType(), data.train(), data.dev(),
                "files:train=" + trainFile + ",dev=" + devFile, null);
    }

    /** The project's labelled items (majority label); train/dev from the items' splits, test items left out. */
    public static TrainingData fromWorkspace(Workspace workspace, String projectName, long splitSeed) {
        Project project = workspace.projects().find(projectName).orElseThrow(() -> new IllegalArgumentException(
                workspace.file() + ": no project '" + projectName + "'; projects: "
                        + workspace.projects().list().stream().map(Project::name).toList()));
        if (project.taskType() == TaskType.SPAN) {
            throw new IllegalArgumentException("project '" + projectName + "' is a span project; training needs classification");
        }
        ProblemType problemType = project.taskType() == TaskType.MULTI_LABEL ? ProblemType.MULTI_LABEL : ProblemType.SINGLE_LABEL;
        List<String> labels = workspace.labels().names(project.id());
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("project '" + projectName + "' has no labels");
        }
        List<LabeledExample> train = new ArrayList<>();
        List<LabeledExample> dev = new ArrayList<>();
        for (LabeledItem item : new FinalLabels(workspace).labelled(project, FinalLabelPolicy.majority(), null)) {
            if (item.labels().isEmpty() || item.split() == Split.TEST) {
                continue;
            }
            List<Integer> indices = new ArrayList<>();
            for (String label : item.labels()) {
                int index = labels.indexOf(label);
                if (index < 0) {
                    throw new IllegalArgumentException("item " + item.itemId() + ": label '" + label
                            + "' is not in project '" + projectName + "' labels " + labels);
                }
                indices.add(index);
            }
            if (problemType == ProblemType.SINGLE_LABEL && indices.size() != 1) {
                continue; // a tie under the majority policy: no final label yet
            }
            var example = new LabeledExample(Long.toString(item.itemId()), item.text(), indices);
            (item.split() == Split.DEV ? dev : train).add(example);
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("project '" + projectName + "' has no labelled train items: the training "
                    + "data is empty (label some items first)");
        }
        String source = "workspace:" + workspace.file().toAbsolutePath() + "#project=" + projectName;
        return dev.isEmpty() ? holdout(labels, problemType, train, source, splitSeed)
                : new TrainingData(labels, problemType, train, dev, source, null);
    }

    /** A seeded 10% of train (at least 1 row when train has 2+) becomes dev. */
    static TrainingData holdout(List<String> labels, ProblemType type, List<LabeledExample> all, String source, long seed) {
        List<LabeledExample> shuffled = new ArrayList<>(all);
        java.util.Collections.shuffle(shuffled, new Random(seed));
        int devSize = all.size() < 2 ? 0 : Math.max(1, (int) Math.round(all.size() * HOLDOUT));
        Set<LabeledExample> dev = new LinkedHashSet<>(shuffled.subList(0, devSize));
        List<LabeledExample> train = all.stream().filter(e -> !dev.contains(e)).toList();
        return new TrainingData(labels, type, train, List.copyOf(dev), source, seed);
    }
}
