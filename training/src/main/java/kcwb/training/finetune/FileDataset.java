package kcwb.training.finetune;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.ProblemType;

/**
 * Training data from files: a train file and an optional dev file read with {@link LabelledFileReader}. The label
 * set is the train file's labels, sorted; a dev label outside it is a problem. Every problem of both files is
 * collected first and thrown together as a {@link DatasetException}, so nothing trains on half-valid data.
 *
 * @param dev the dev file's examples, or null when no dev file was given (the caller may hold some train out)
 */
public record FileDataset(List<String> labels, ProblemType problemType, List<LabeledExample> train,
        List<LabeledExample> dev) {
    public FileDataset {
        labels = List.copyOf(labels);
        train = List.copyOf(train);
        dev = dev == null ? null : List.copyOf(dev);
    }

    public static FileDataset load(Path trainFile, Path devFile, FileDatasetOptions options) throws IOException {
        LabelledFileReader reader = new LabelledFileReader(options);
        LabelledFileReader.Result train = reader.read(trainFile);
        LabelledFileReader.Result dev = devFile == null ? null : reader.read(devFile);
        List<DatasetProblem> problems = new ArrayList<>(train.problems());
        if (train.rows().isEmpty() && train.problems().isEmpty()) {
            problems.add(new DatasetProblem(trainFile, 0, "no rows: the training data is empty"));
        }
        TreeSet<String> labelSet = new TreeSet<>();
        train.rows().forEach(row -> labelSet.addAll(row.labels()));
        List<String> labels = List.copyOf(labelSet);
        List<LabeledExample> trainExamples = examples(train, labels, label -> "unknown label '" + label + "'", problems);
        List<LabeledExample> devExamples = null;
        if (dev != null) {
            problems.addAll(dev.problems());
            if (dev.rows().isEmpty() && dev.problems().isEmpty()) {
                problems.add(new DatasetProblem(devFile, 0, "no rows: the dev data is empty"));
            }
            devExamples = examples(dev, labels,
                    label -> "unknown label '" + label + "'; the training labels are " + labels, problems);
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
        ProblemType type = options.multiLabel() ? ProblemType.MULTI_LABEL : ProblemType.SINGLE_LABEL;
        return new FileDataset(labels, type, trainExamples, devExamples);
    }

    /**
     * A labelled file for evaluation against a model's labels: a label outside them is a problem, worded by
     * {@code unknownLabel}. Throws every problem of the file together.
     */
    public static List<LabeledExample> forLabels(Path file, FileDatasetOptions options, List<String> labels,
            Function<String, String> unknownLabel) throws IOException {
        LabelledFileReader.Result read = new LabelledFileReader(options).read(file);
        List<DatasetProblem> problems = new ArrayList<>(read.problems());
        if (read.rows().isEmpty() && read.problems().isEmpty()) {
            problems.add(new DatasetProblem(file, 0, "no rows: the dataset is empty"));
        }
        List<LabeledExample> examples = examples(read, labels, unknownLabel, problems);
        if (!problems.isEmpty()) {
            throw new DatasetException(problems);
        }
        return examples;
    }

    /** Label names to indices; ids are {@code FILE_NAME:LINE}. A row with an unknown label becomes a problem. */
    private static List<LabeledExample> examples(LabelledFileReader.Result read, List<String> labels,
            Function<String, String> unknownLabel, List<DatasetProblem> problems) {
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            indexOf.put(labels.get(i), i);
        }
        List<LabeledExample> out = new ArrayList<>(read.rows().size());
        for (LabelledRow row : read.rows()) {
            List<Integer> indices = new ArrayList<>(row.labels().size());
            for (String label : row.labels()) {
                Integer index = indexOf.get(label);
                if (index == null) {
                    problems.add(new DatasetProblem(read.file(), row.line(), unknownLabel.apply(label)));
                } else {
                    indices.add(index);
                }
            }
            if (indices.size() == row.labels().size()) {
                out.add(new LabeledExample(read.file().getFileName() + ":" + row.line(), row.text(), indices));
            }
        }
        return out;
    }
}
