package kcwb.training.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kcwb.training.model.HfModule;

/** Collects what a {@link FineTuner} needs; {@link #build()} checks it before any training. */
public final class FineTunerBuilder {
    HfModule model;
    TrainingConfig config;
    ExampleSource train;
    ExampleSource dev = ExampleSource.of(List.of());
    TextEncoder encoder;
    List<String> labels;
    Path outputDir;
    CheckpointWriter checkpointWriter;
    CheckpointReader checkpointReader;
    LossFunction loss;
    final List<TrainingListener> listeners = new ArrayList<>();

    FineTunerBuilder() {}

    /** The model to train, already on its device with its weights; the engine updates it in place. */
    public FineTunerBuilder setModel(HfModule model) { this.model = model; return this; }
    public FineTunerBuilder setConfig(TrainingConfig config) { this.config = config; return this; }
    public FineTunerBuilder setTrainData(ExampleSource train) { this.train = train; return this; }
    /** Dev split for evaluation; without it there is no evaluation, best checkpoint or early stopping. */
    public FineTunerBuilder optDevData(ExampleSource dev) { this.dev = dev; return this; }
    public FineTunerBuilder setEncoder(TextEncoder encoder) { this.encoder = encoder; return this; }
    /** Label names in index order; their count must equal the model's number of outputs. */
    public FineTunerBuilder setLabels(List<String> labels) { this.labels = List.copyOf(labels); return this; }
    /** Where {@code checkpoint-<step>} folders go. */
    public FineTunerBuilder setOutputDir(Path outputDir) { this.outputDir = outputDir; return this; }
    public FineTunerBuilder setCheckpointWriter(CheckpointWriter writer) { this.checkpointWriter = writer; return this; }
    /** Needed only for {@link FineTuner#resume}. */
    public FineTunerBuilder optCheckpointReader(CheckpointReader reader) { this.checkpointReader = reader; return this; }
    /** Defaults to cross-entropy (single-label) or BCE-with-logits (multi-label), as HF's heads. */
    public FineTunerBuilder optLoss(LossFunction loss) { this.loss = loss; return this; }
    public FineTunerBuilder addListener(TrainingListener listener) { listeners.add(listener); return this; }

    public FineTuner build() {
        List<String> problems = new ArrayList<>();
        if (model == null) problems.add("a model is required");
        if (config == null) problems.add("a training config is required");
        if (train == null || train.size() == 0) problems.add("the training data is empty");
        if (encoder == null) problems.add("a text encoder is required");
        if (labels == null || labels.isEmpty()) problems.add("label names are required");
        if (outputDir == null) problems.add("an output directory is required");
        if (checkpointWriter == null) problems.add("a checkpoint writer is required");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot start training: " + String.join("; ", problems));
        }
        if (loss == null) {
            loss = LossFunction.forProblem(config.problemType());
        }
        return new FineTuner(this);
    }
}
