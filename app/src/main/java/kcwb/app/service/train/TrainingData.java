package kcwb.app.service.train;

import java.util.List;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.ProblemType;

/**
 * Labelled examples ready for the engine: label names in index order, RAW texts (the pipeline cleans them).
 *
 * @param source where the rows came from, for provenance
 * @param splitSeed the seed of the holdout that made {@code dev}, or null when dev was given
 */
public record TrainingData(List<String> labels, ProblemType problemType, List<LabeledExample> train,
        List<LabeledExample> dev, String source, Long splitSeed) {
    public TrainingData {
        labels = List.copyOf(labels);
        train = List.copyOf(train);
        dev = List.copyOf(dev);
    }
}
