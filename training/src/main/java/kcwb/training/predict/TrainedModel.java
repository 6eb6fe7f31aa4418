package kcwb.training.predict;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kcwb.training.checkpoint.HfFolder;
import kcwb.training.eval.Evaluation;
import kcwb.training.finetune.HfCheckpointIo;
import kcwb.training.finetune.ModelLogits;
import kcwb.training.finetune.TextPipeline;
import kcwb.training.model.ElectraConfig;
import kcwb.training.model.ElectraForSequenceClassification;
import kcwb.training.model.NoGrad;
import kcwb.training.provenance.ProvenanceJson;
import kcwb.training.provenance.RunProvenance;
import kcwb.training.tokenize.KcTokenizer;
import kcwb.training.train.Batcher;
import kcwb.training.train.Evaluator;
import kcwb.training.train.ExampleSource;
import kcwb.training.train.FineTuner;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.LossFunction;
import kcwb.training.train.ProblemType;

/**
 * A trained sequence-classification folder (a checkpoint or an export), loaded for eval and predict with the
 * SAME text pipeline it was trained with: the cleaning recipe and max length come from its
 * {@code kcwb-provenance.json} (a folder without one, e.g. from Python, is used uncleaned at 128 tokens).
 */
public final class TrainedModel implements AutoCloseable {
    public static final int DEFAULT_MAX_LENGTH = 128;
    private static final int EVAL_BATCH = 64;

    private final Path dir;
    private final ElectraConfig config;
    private final KcTokenizer tokenizer;
    private final TextPipeline pipeline;
    private final int maxLength;
    private final NDManager manager;
    private final ElectraForSequenceClassification model;
    private final RunProvenance provenance;

    private TrainedModel(Path dir, ElectraConfig config, KcTokenizer tokenizer, TextPipeline pipeline, int maxLength,
            NDManager manager, ElectraForSequenceClassification model, RunProvenance provenance) {
        this.dir = dir;
        this.config = config;
        this.tokenizer = tokenizer;
        this.pipeline = pipeline;
        this.maxLength = maxLength;
        this.manager = manager;
        this.model = model;
        this.provenance = provenance;
    }

    /** Opens {@code dir}; every problem (no config, bad weights, no tokenizer) is an IOException naming the folder. */
    public static TrainedModel open(Path dir) throws IOException {
        HfFolder folder = HfFolder.open(dir);
        ElectraConfig config;
        try {
            config = ElectraConfig.fromJson(folder.readConfig());
        } catch (IllegalArgumentException e) {
            throw new IOException(folder.config() + ": " + e.getMessage(), e);
        }
        if (ElectraConfig.REGRESSION.equals(config.problemType())) {
            throw new IOException(dir + ": a regression model has no labels to predict");
        }
        RunProvenance provenance = Files.isRegularFile(dir.resolve(RunProvenance.FILE_NAME)) ? ProvenanceJson.read(dir) : null;
        String cleaning = provenance == null ? "none" : provenance.cleaning().recipeId();
        int maxLength = provenance == null ? Math.min(DEFAULT_MAX_LENGTH, config.maxPositionEmbeddings())
                : provenance.tokenizer().maxLength();
        KcTokenizer tokenizer = KcTokenizer.load(dir);
        NDManager manager = NDManager.newBaseManager(FineTuner.defaultDevice());
        try {
            var model = ElectraForSequenceClassification.create(config, manager, 0);
            HfCheckpointIo.load(dir, model);
            return new TrainedModel(dir, config, tokenizer, TextPipeline.of(tokenizer, cleaning), maxLength, manager,
                    model, provenance);
        } catch (IOException | RuntimeException e) {
            manager.close();
            tokenizer.close();
            throw e;
        }
    }

    public List<String> labels() {
        return config.labels();
    }

    public ProblemType problemType() {
        return ElectraConfig.MULTI_LABEL.equals(config.problemType()) ? ProblemType.MULTI_LABEL : ProblemType.SINGLE_LABEL;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The provenance saved with the model, or null. */
    public RunProvenance provenance() {
        return provenance;
    }

    public TextPipeline pipeline() {
        return pipeline;
    }

    /** Raw logits of each RAW text (cleaned and tokenized like at training), in input order. */
    public float[][] logits(List<String> texts) {
        return NoGrad.call(() -> ModelLogits.compute(model, pipeline, maxLength, labels().size(), problemType(), texts, manager));
    }

    /** Label, probabilities and uncertainty of each RAW text, in input order. */
    public List<PredictedLabel> predict(List<String> texts) {
        return java.util.Arrays.stream(logits(texts)).map(l -> PredictedLabel.of(l, labels(), problemType())).toList();
    }

    /** Metrics on labelled examples (RAW text, label indices in this model's label order). */
    public Evaluation evaluate(List<LabeledExample> examples) {
        Batcher batcher = new Batcher(ExampleSource.of(examples), pipeline, maxLength, labels().size(), problemType());
        return NoGrad.call(() -> new Evaluator(batcher, EVAL_BATCH, LossFunction.forProblem(problemType()), problemType(),
                labels()).evaluate(model, manager));
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        manager.close();
        tokenizer.close();
    }
}
