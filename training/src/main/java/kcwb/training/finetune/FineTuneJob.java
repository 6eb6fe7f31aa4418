package kcwb.training.finetune;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kcwb.training.checkpoint.HfFolder;
import kcwb.training.checkpoint.LoadReport;
import kcwb.training.model.ElectraForSequenceClassification;
import kcwb.training.model.NoGrad;
import kcwb.training.provenance.DatasetHash;
import kcwb.training.provenance.DatasetProvenance;
import kcwb.training.provenance.EnvironmentProvenance;
import kcwb.training.provenance.ProvenanceJson;
import kcwb.training.provenance.RunOutcome;
import kcwb.training.provenance.RunProvenance;
import kcwb.training.tokenize.KcTokenizer;
import kcwb.training.train.ExampleSource;
import kcwb.training.train.FineTuner;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.TrainingListener;
import kcwb.training.train.TrainingSummary;

/**
 * One real fine-tuning run of ELECTRA: loads the tokenizer and base model, writes {@code kcwb-provenance.json}
 * into the run folder before the first step, trains (or resumes) with HF-folder checkpoints that each carry the
 * provenance, and completes the provenance with the outcome. {@link #cancel()} may be called from any thread.
 * Use: {@code try (var job = FineTuneJob.prepare(request)) { job.run(listeners); }}.
 */
public final class FineTuneJob implements AutoCloseable {
    private final FineTuneRequest request;
    private final KcTokenizer tokenizer;
    private final TextPipeline pipeline;
    private final NDManager manager;
    private final BaseModel.Loaded loaded;
    private volatile RunProvenance provenance;
    private volatile FineTuner tuner;
    private volatile boolean cancelled;

    private FineTuneJob(FineTuneRequest request, KcTokenizer tokenizer, NDManager manager, BaseModel.Loaded loaded,
            RunProvenance provenance) {
        this.request = request;
        this.tokenizer = tokenizer;
        this.pipeline = TextPipeline.of(tokenizer, request.cleaning());
        this.manager = manager;
        this.loaded = loaded;
        this.provenance = provenance;
    }

    /** Loads tokenizer and model and computes the provenance; nothing is written yet. */
    public static FineTuneJob prepare(FineTuneRequest request) throws IOException {
        if (request.train().isEmpty()) {
            throw new IllegalArgumentException("the training data is empty");
        }
        KcTokenizer tokenizer = KcTokenizer.load(request.tokenizerDir());
        NDManager manager = NDManager.newBaseManager(FineTuner.defaultDevice());
        try {
            TextPipeline pipeline = TextPipeline.of(tokenizer, request.cleaning());
            int pad = Math.max(0, tokenizer.specialTokenIds().pad());
            BaseModel.Loaded loaded = request.baseModel().load(request.labels(), request.problemType().hfName(),
                    tokenizer.vocabSize(), pad, manager, request.config().seed());
            RunProvenance provenance = new RunProvenance(RunProvenance.SCHEMA_VERSION, request.kcwbVersion(),
                    request.gitCommit(), dataset(request, pipeline), pipeline.cleaningProvenance(),
                    pipeline.tokenizerProvenance(request.config().maxLength()), loaded.provenance(), request.config(),
                    EnvironmentProvenance.current(manager.getDevice().toString()), Instant.now().toString(), null);
            return new FineTuneJob(request, tokenizer, manager, loaded, provenance);
        } catch (IOException | RuntimeException e) {
            manager.close();
            tokenizer.close();
            throw e;
        }
    }

    /** transformers-style account of the base model load (null for a from-scratch preset). */
    public LoadReport loadReport() {
        return loaded.report();
    }

    public RunProvenance provenance() {
        return provenance;
    }

    public ElectraForSequenceClassification model() {
        return loaded.model();
    }

    /** Eval-mode logits of raw texts with the model as it is now (after {@link #run}: the last step's weights). */
    public float[][] logits(List<String> texts) {
        return NoGrad.call(() -> ModelLogits.compute(loaded.model(), pipeline, request.config().maxLength(),
                request.labels().size(), request.problemType(), texts, manager));
    }

    /** Trains from the base model's weights. */
    public TrainingSummary run(List<TrainingListener> listeners) throws IOException {
        ProvenanceJson.write(request.runDir(), provenance);
        return finish(build(listeners).run());
    }

    /**
     * Continues the run that wrote {@code checkpoint} (weights, optimiser, schedule, data position, RNG). The run's
     * provenance keeps its start and takes the request's config (it may add epochs); data that hashes differently
     * from the original run is refused.
     */
    public TrainingSummary resume(Path checkpoint, List<TrainingListener> listeners) throws IOException {
        Path original = Files.isRegularFile(request.runDir().resolve(RunProvenance.FILE_NAME)) ? request.runDir() : checkpoint;
        RunProvenance before = ProvenanceJson.read(original);
        if (!before.dataset().sha256().equals(provenance.dataset().sha256())) {
            throw new IllegalArgumentException("the data differs from the data the run in " + request.runDir()
                    + " was trained on (dataset sha256 " + before.dataset().sha256() + ", now "
                    + provenance.dataset().sha256() + "); resume needs the same rows, labels and cleaning");
        }
        provenance = new RunProvenance(before.schemaVersion(), before.kcwbVersion(), before.gitCommit(), before.dataset(),
                before.cleaning(), before.tokenizer(), before.baseModel(), request.config(), provenance.environment(),
                before.startedAt(), null);
        ProvenanceJson.write(request.runDir(), provenance);
        return finish(build(listeners).resume(checkpoint));
    }

    /** Stops after the current step with a resumable checkpoint. Any thread, any time. */
    public void cancel() {
        cancelled = true;
        FineTuner current = tuner;
        if (current != null) {
            current.cancel();
        }
    }

    /**
     * The tokenizer files every checkpoint copies, kept in the run folder: a resumed run reads its tokenizer
     * from the checkpoint it resumes, and the checkpoint keeper may delete that folder mid-run.
     */
    private Path tokenizerSnapshot() throws IOException {
        Path snapshot = request.runDir().resolve("tokenizer");
        if (snapshot.toAbsolutePath().normalize().equals(request.tokenizerDir().toAbsolutePath().normalize())) {
            return snapshot;
        }
        Files.createDirectories(snapshot);
        for (String name : HfFolder.TOKENIZER_FILE_NAMES) {
            Path source = request.tokenizerDir().resolve(name);
            if (Files.isRegularFile(source)) {
                Files.copy(source, snapshot.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return snapshot;
    }

    private FineTuner build(List<TrainingListener> listeners) throws IOException {
        var config = loaded.config();
        var builder = FineTuner.builder().setModel(loaded.model()).setConfig(request.config())
                .setTrainData(ExampleSource.of(request.train())).optDevData(ExampleSource.of(request.dev()))
                .setEncoder(pipeline).setLabels(request.labels()).setOutputDir(request.runDir())
                .setCheckpointWriter(HfCheckpointIo.writer(config, loaded.model().architecture(), tokenizerSnapshot(),
                        () -> ProvenanceJson.toJson(provenance)))
                .optCheckpointReader(HfCheckpointIo.reader());
        listeners.forEach(builder::addListener);
        FineTuner built = builder.build();
        tuner = built;
        if (cancelled) {
            built.cancel();
        }
        return built;
    }

    private TrainingSummary finish(TrainingSummary summary) throws IOException {
        Map<String, Double> best = summary.bestMetrics() == null ? Map.of() : summary.bestMetrics().headline();
        provenance = provenance.withOutcome(new RunOutcome(Instant.now().toString(), summary.reason().name(),
                summary.steps(), folderName(summary.bestCheckpoint()), folderName(summary.lastCheckpoint()), best));
        ProvenanceJson.write(request.runDir(), provenance);
        for (Path checkpoint : java.util.Arrays.asList(summary.bestCheckpoint(), summary.lastCheckpoint())) {
            if (checkpoint != null && Files.isDirectory(checkpoint)) {
                ProvenanceJson.write(checkpoint, provenance);
            }
        }
        return summary;
    }

    private static String folderName(Path path) {
        return path == null ? null : path.getFileName().toString();
    }

    static DatasetProvenance dataset(FineTuneRequest request, TextPipeline pipeline) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("train", request.train().size());
        rows.put("dev", request.dev().size());
        DatasetHash hash = new DatasetHash().addSplit("train", hashRows(request.train(), request.labels(), pipeline))
                .addSplit("dev", hashRows(request.dev(), request.labels(), pipeline));
        return new DatasetProvenance(request.datasetSource(), request.labels(), request.problemType().hfName(), rows,
                request.splitSeed(), hash.hex());
    }

    private static List<DatasetHash.Row> hashRows(List<LabeledExample> examples, List<String> labels, TextPipeline pipeline) {
        List<DatasetHash.Row> rows = new ArrayList<>(examples.size());
        for (LabeledExample e : examples) {
            rows.add(new DatasetHash.Row(e.id(), pipeline.clean(e.text()), e.labels().stream().map(labels::get).toList()));
        }
        return rows;
    }

    @Override
    public void close() {
        manager.close();
        tokenizer.close();
    }
}
