package kcwb.app.service;

import ai.djl.ndarray.NDManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import kcwb.training.eval.Evaluation;
import kcwb.training.model.ElectraConfig;
import kcwb.training.model.ElectraForSequenceClassification;
import kcwb.training.tokenize.KcTokenizer;
import kcwb.training.tokenize.TokenizedText;
import kcwb.training.train.Batcher;
import kcwb.training.train.EncodedText;
import kcwb.training.train.Evaluator;
import kcwb.training.train.ExampleSource;
import kcwb.training.train.FineTuner;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.LossFunction;
import kcwb.training.train.ProblemType;
import kcwb.training.train.TextEncoder;
import kcwb.training.train.TrainingConfig;
import kcwb.training.train.TrainingEvent;
import kcwb.training.train.TrainingSummary;
import kcwb.training.train.bench.MatmulCeiling;
import kcwb.training.train.bench.TrainingFlops;

/**
 * The issue-5 fine-tuning benchmark, our side: a from-scratch ELECTRA (hidden 256, 4 layers, 4 heads,
 * intermediate 1024, the given vocabulary) trained with {@link FineTuner} on korean-hate-speech (label column
 * {@code hate}), max_len 64, batch 32, lr 5e-4, AdamW without weight decay, linear schedule without warmup,
 * clip 1.0, seed 42 — the settings docs/bench/bench_train.py gives HF Trainer.
 *
 * <p>Timing is training only, as HF's {@code train_runtime} with checkpoints off: the engine has no "no
 * checkpoint" switch, so the checkpoint writer here writes nothing, and the time from its call to the
 * CheckpointSaved event (the engine's resume state, ~110 MB of optimiser moments, written at each epoch end)
 * is subtracted. Dev is evaluated once, after training, outside the timing (HF side likewise).
 */
public final class TrainBenchmark {
    public static final List<String> LABELS = List.of("none", "offensive", "hate");
    private static final String TEXT_COLUMN = "comments";
    private static final String LABEL_COLUMN = "hate";

    private TrainBenchmark() {}

    public record Options(Path dataDir, Path vocab, int epochs, int maxSteps, int threads, long seed) {}

    public record Result(int threads, long steps, long samples, double trainSeconds, double checkpointSeconds,
            double samplesPerSecond, double stepsPerSecond, double trainCpuSeconds, double devAccuracy, double devMacroF1, double devLoss,
            double evalSeconds, long parameters, long encoderMatmulWeights, double meanTokens,
            double flopsPerSample, double ceilingGflops, double achievedGflops, double mfu) {}

    public static Result run(Options options, PrintWriter progress) throws IOException {
        List<LabeledExample> train = readSplit(options.dataDir().resolve("train.tsv"));
        List<LabeledExample> dev = readSplit(options.dataDir().resolve("dev.tsv"));
        Path output = Files.createTempDirectory("kcwb-bench-train");
        try (KcTokenizer tokenizer = KcTokenizer.load(options.vocab());
                NDManager manager = NDManager.newBaseManager()) {
            TextEncoder encoder = (text, maxLength) -> {
                TokenizedText t = tokenizer.encode(text, maxLength);
                return new EncodedText(t.ids(), t.typeIds());
            };
            ElectraConfig modelConfig = ElectraConfig.small().withVocabSize(tokenizer.vocabSize())
                    .withLabels(LABELS, ElectraConfig.SINGLE_LABEL);
            var model = ElectraForSequenceClassification.create(modelConfig, manager, options.seed());
            TrainingConfig config = TrainingConfig.builder().optLearningRate(5e-4).optWeightDecay(0.0)
                    .optBatchSize(32).optEvalBatchSize(64).optMaxLength(64).optEpochs(options.epochs())
                    .optMaxSteps(options.maxSteps()).optMaxGradNorm(1.0).optSeed(options.seed())
                    .optLoggingSteps(10).build();
            progress.printf("kcwb: %d train / %d dev examples, %,d parameters, %d threads%n", train.size(), dev.size(),
                    model.parameterCount(), options.threads());
            progress.flush();

            AtomicLong saveStarted = new AtomicLong();
            AtomicLong checkpointNanos = new AtomicLong();
            FineTuner tuner = FineTuner.builder().setModel(model).setConfig(config)
                    .setTrainData(ExampleSource.of(train)).setEncoder(encoder).setLabels(LABELS)
                    .setOutputDir(output)
                    .setCheckpointWriter((dir, m, step, metrics) -> saveStarted.set(System.nanoTime()))
                    .addListener(event -> {
                        switch (event) {
                            case TrainingEvent.CheckpointSaved saved ->
                                    checkpointNanos.addAndGet(System.nanoTime() - saveStarted.get());
                            case TrainingEvent.Step step when step.step() % 50 == 0 -> {
                                progress.printf("kcwb: step %d loss %.4f %.1f samples/s%n", step.step(), step.loss(),
                                        step.samplesPerSecond());
                                progress.flush();
                            }
                            default -> { }
                        }
                    })
                    .build();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            TrainingSummary summary = tuner.run();
            double trainCpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
            double checkpointSeconds = checkpointNanos.get() / 1e9;
            double trainSeconds = summary.trainSeconds() - checkpointSeconds;
            long samples = Math.round(summary.samplesPerSecond() * summary.trainSeconds());

            long evalStart = System.nanoTime();
            Batcher devBatcher = new Batcher(ExampleSource.of(dev), encoder, 64, LABELS.size(), ProblemType.SINGLE_LABEL);
            Evaluation evaluation = new Evaluator(devBatcher, 64, LossFunction.forProblem(ProblemType.SINGLE_LABEL),
                    ProblemType.SINGLE_LABEL, LABELS).evaluate(model, manager);
            double evalSeconds = (System.nanoTime() - evalStart) / 1e9;

            int[] lengths = train.stream().mapToInt(e -> tokenizer.encode(e.text(), 64).size()).toArray();
            double flopsPerSample = TrainingFlops.meanPerExample(modelConfig, lengths);
            double ceiling = MatmulCeiling.gflops(manager, 1024, 10);
            double samplesPerSecond = samples / trainSeconds;
            double achieved = samplesPerSecond * flopsPerSample / 1e9;
            return new Result(options.threads(), summary.steps(), samples, trainSeconds, checkpointSeconds,
                    samplesPerSecond, summary.steps() / trainSeconds, trainCpuSeconds, evaluation.accuracy(),
                    evaluation.macroF1(), evaluation.loss(), evalSeconds, model.parameterCount(),
                    TrainingFlops.encoderMatmulWeights(modelConfig), Arrays.stream(lengths).average().orElse(0),
                    flopsPerSample, ceiling, achieved, achieved / ceiling);
        } finally {
            deleteRecursively(output);
        }
    }

    /** korean-hate-speech's labeled TSV: a header naming {@code comments} and {@code hate}, then one row per comment. */
    static List<LabeledExample> readSplit(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist (expected korean-hate-speech's labeled/train.tsv and dev.tsv)");
        }
        List<LabeledExample> examples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = reader.readLine();
            List<String> header = headerLine == null ? List.of() : List.of(headerLine.split("\t", -1));
            int textColumn = header.indexOf(TEXT_COLUMN);
            int labelColumn = header.indexOf(LABEL_COLUMN);
            if (textColumn < 0 || labelColumn < 0) {
                throw new IOException(file + " line 1: the header must name columns '" + TEXT_COLUMN + "' and '"
                        + LABEL_COLUMN + "', got " + header);
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String[] fields = line.split("\t", -1);
                if (fields.length < header.size()) {
                    throw new IOException(file + " line " + lineNumber + ": expected " + header.size()
                            + " tab-separated columns, got " + fields.length);
                }
                int label = LABELS.indexOf(fields[labelColumn]);
                if (label < 0) {
                    throw new IOException(file + " line " + lineNumber + ": unknown label '" + fields[labelColumn]
                            + "' (expected one of " + LABELS + ")");
                }
                examples.add(LabeledExample.of(file.getFileName() + ":" + lineNumber, fields[textColumn], label));
            }
        }
        if (examples.isEmpty()) {
            throw new IOException(file + " has no examples");
        }
        return examples;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
