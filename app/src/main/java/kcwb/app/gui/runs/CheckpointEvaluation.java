package kcwb.app.gui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kcwb.app.service.train.TrainingData;
import kcwb.app.service.train.TrainingDataLoader;
import kcwb.storage.annotation.FinalLabelPolicy;
import kcwb.storage.annotation.FinalLabels;
import kcwb.storage.annotation.LabeledItem;
import kcwb.storage.item.Split;
import kcwb.storage.project.Project;
import kcwb.storage.workspace.Workspace;
import kcwb.training.eval.Evaluation;
import kcwb.training.predict.TrainedModel;
import kcwb.training.train.LabeledExample;

/**
 * Evaluates a checkpoint on its run's dev or test split, as the project's labels are now. Dev is rebuilt the
 * way training built it ({@link TrainingDataLoader#fromWorkspace}, with the run's split seed, so a holdout dev
 * is the same rows); test is the project's labelled test items, which training never sees.
 * {@link #load} runs on the workspace's thread, {@link #evaluate} anywhere (it loads the model).
 */
final class CheckpointEvaluation {
    /** One labelled example: item id, raw text, gold label names. */
    record Example(String id, String text, List<String> labels) {}

    /** The examples of one split. */
    record SplitData(Split split, List<Example> examples) {}

    private CheckpointEvaluation() {}

    /** The split's labelled examples; an empty split is an error naming the project and split. */
    static SplitData load(Workspace workspace, long projectId, Long splitSeed, Split split) {
        Project project = workspace.projects().get(projectId)
                .orElseThrow(() -> new IllegalArgumentException("the run's project " + projectId + " no longer exists"));
        List<Example> examples = new ArrayList<>();
        if (split == Split.DEV) {
            TrainingData data = TrainingDataLoader.fromWorkspace(workspace, project.name(), splitSeed == null ? 0 : splitSeed);
            for (LabeledExample example : data.dev()) {
                examples.add(new Example(example.id(), example.text(), example.labels().stream().map(data.labels()::get).toList()));
            }
        } else {
            for (LabeledItem item : new FinalLabels(workspace).labelled(project, FinalLabelPolicy.majority(), split)) {
                if (!item.labels().isEmpty()) {
                    examples.add(new Example(Long.toString(item.itemId()), item.text(), item.labels()));
                }
            }
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("project '" + project.name() + "' has no labelled " + split.key() + " items");
        }
        return new SplitData(split, examples);
    }

    /** Loads the checkpoint folder and scores it; a gold label the model does not know names the item. */
    static Evaluation evaluate(Path checkpoint, SplitData data) throws IOException {
        try (TrainedModel model = TrainedModel.open(checkpoint)) {
            List<LabeledExample> examples = new ArrayList<>(data.examples().size());
            for (Example example : data.examples()) {
                List<Integer> indices = new ArrayList<>();
                for (String label : example.labels()) {
                    int index = model.labels().indexOf(label);
                    if (index < 0) {
                        throw new IllegalArgumentException("item " + example.id() + ": label '" + label
                                + "' is not one of the model's labels " + model.labels() + " (" + checkpoint + ")");
                    }
                    indices.add(index);
                }
                if (model.problemType() == kcwb.training.train.ProblemType.SINGLE_LABEL && indices.size() != 1) {
                    continue; // a tie under the majority policy: no final label
                }
                examples.add(new LabeledExample(example.id(), example.text(), indices));
            }
            return model.evaluate(examples);
        }
    }
}
