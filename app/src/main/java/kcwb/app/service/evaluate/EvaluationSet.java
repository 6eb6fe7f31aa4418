package kcwb.app.service.evaluate;

import java.util.List;
import kcwb.storage.project.Project;
import kcwb.training.train.ProblemType;

/** The labelled items of one split of a project, in item id order, with the project's labels. */
public record EvaluationSet(Project project, EvaluationSplit split, List<String> labels, ProblemType problemType,
        List<EvaluationItem> items) {
    public EvaluationSet {
        labels = List.copyOf(labels);
        items = List.copyOf(items);
    }
}
