package kcwb.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kcwb.app.service.train.TrainRequest;
import kcwb.app.service.train.TrainService;
import kcwb.storage.StorageException;
import kcwb.training.finetune.FineTuneJob;
import kcwb.training.train.TrainingConfigBuilder;
import kcwb.training.train.TrainingSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kcwb train}: fine-tune ELECTRA on a workspace project or on files; Ctrl+C leaves a resumable checkpoint. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fine-tune a sequence classifier on a workspace project or on TSV/CSV/JSONL files.")
public final class TrainCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--workspace", paramLabel = "PATH", description = "Workspace file; use with --project.")
    private Path workspace;
    @Option(names = "--project", description = "Project whose labelled items to train on (train/dev from item splits).")
    private String project;
    @Option(names = "--train", paramLabel = "FILE", description = "Training file (.tsv/.csv with header, or .jsonl).")
    private Path trainFile;
    @Option(names = "--dev", paramLabel = "FILE", description = "Dev file; without it a seeded 10%% holdout of train.")
    private Path devFile;
    @Option(names = "--text-col", defaultValue = "text", description = "Text column/field. Default: ${DEFAULT-VALUE}")
    private String textColumn;
    @Option(names = "--label-col", description = "Label column/field. Default: label, or labels when there is no label.")
    private String labelColumn;
    @Option(names = "--multi-label", description = {"Files hold several labels per row: a TSV/CSV label cell separated by"
            + " ';' (e.g. insult;hate, as `kcwb export --format csv` writes), or a JSONL array (\"labels\": [\"insult\","
            + " \"hate\"]). Trains sigmoid + binary cross-entropy; a label is predicted at probability >= 0.5.",
            "Without it every row needs exactly one label, and a ';' cell or an array is refused."})
    private boolean multiLabel;
    @Option(names = "--allow-empty-labels", description = "With --multi-label: a row may hold no label (none applies);"
            + " otherwise an empty label list is an error.")
    private boolean allowEmptyLabels;
    @Option(names = "--base-model", paramLabel = "DIR", description = "Local HF model folder to start from.")
    private Path baseModel;
    @Option(names = "--preset", description = "From-scratch model: tiny, small or base (default tiny when no --base-model).")
    private String preset;
    @Option(names = "--tokenizer", paramLabel = "DIR", description = "Tokenizer folder (default: the base model's, or the demo tokenizer).")
    private Path tokenizer;
    @Option(names = "--task-preset", defaultValue = "quick", description = "quick, nsmc, kornli, korsts, paws, question-pair, naver-ner. Default: ${DEFAULT-VALUE}")
    private String taskPreset;
    @Option(names = "--clean", defaultValue = "kcelectra", description = "kcelectra, kcelectra-pretrain or none. Default: ${DEFAULT-VALUE}")
    private String clean;
    @Option(names = "--lr", description = "Learning rate.") private Double learningRate;
    @Option(names = "--epochs") private Integer epochs;
    @Option(names = "--max-steps", description = "Stop after N optimiser steps (overrides epochs).") private Integer maxSteps;
    @Option(names = "--batch-size") private Integer batchSize;
    @Option(names = "--max-len", description = "Max tokens per text.") private Integer maxLength;
    @Option(names = "--warmup-ratio") private Double warmupRatio;
    @Option(names = "--weight-decay") private Double weightDecay;
    @Option(names = "--grad-accum", description = "Gradient accumulation steps.") private Integer gradAccum;
    @Option(names = "--eval-every", description = "Evaluate every N steps (0 = each epoch end).") private Integer evalEvery;
    @Option(names = "--logging-steps") private Integer loggingSteps;
    @Option(names = "--seed") private Long seed;
    @Option(names = "--out", paramLabel = "DIR", description = "Run folder for checkpoints and provenance.")
    private Path out;
    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue a run from one of its checkpoint folders.")
    private Path resume;
    @Option(names = "--json", description = "One JSON object per event instead of progress lines.")
    private boolean json;

    @Override
    public void run() {
        if ((workspace == null) == (trainFile == null)) {
            throw new UserFacingException("give either --workspace PATH --project NAME, or --train FILE");
        }
        if (workspace != null && project == null) {
            throw new UserFacingException("--workspace needs --project NAME");
        }
        if (workspace != null && (multiLabel || allowEmptyLabels)) {
            throw new UserFacingException("--multi-label and --allow-empty-labels are for --train files; a workspace "
                    + "project's task type says whether it is multi-label");
        }
        if (allowEmptyLabels && !multiLabel) {
            throw new UserFacingException("--allow-empty-labels needs --multi-label: a single-label row always has one label");
        }
        TrainRequest request = new TrainRequest(workspace, project, trainFile, devFile, textColumn, labelColumn, baseModel,
                preset, tokenizer, taskPreset, this::overrides, clean, out, resume, seed == null ? 42 : seed, multiLabel,
                allowEmptyLabels);
        var printer = new TrainProgressPrinter(spec.commandLine().getOut(), json);
        AtomicReference<FineTuneJob> job = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            FineTuneJob running = job.get();
            if (running != null) {
                running.cancel();
                try {
                    ended.await(120, TimeUnit.SECONDS); // let the run save its resumable checkpoint
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "kcwb-train-cancel");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            TrainingSummary summary = new TrainService().run(request, List.of(printer), prepared -> {
                job.set(prepared);
                if (!json && prepared.loadReport() != null) {
                    spec.commandLine().getOut().println("base model: " + prepared.loadReport().summary());
                }
            });
            if (summary.reason() == TrainingSummary.StopReason.CANCELLED) {
                throw new UserFacingException("training was cancelled; resume with --resume " + summary.lastCheckpoint(),
                        130, null);
            }
        } catch (IllegalArgumentException | StorageException e) {
            throw new UserFacingException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserFacingException(e.getMessage(), e);
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for `ended`
            }
        }
    }

    private TrainingConfigBuilder overrides(TrainingConfigBuilder b) {
        if (learningRate != null) b.optLearningRate(learningRate);
        if (epochs != null) b.optEpochs(epochs);
        if (maxSteps != null) b.optMaxSteps(maxSteps);
        if (batchSize != null) b.optBatchSize(batchSize);
        if (maxLength != null) b.optMaxLength(maxLength);
        if (warmupRatio != null) b.optWarmupRatio(warmupRatio);
        if (weightDecay != null) b.optWeightDecay(weightDecay);
        if (gradAccum != null) b.optGradientAccumulationSteps(gradAccum);
        if (evalEvery != null) b.optEvalEverySteps(evalEvery);
        if (loggingSteps != null) b.optLoggingSteps(loggingSteps);
        if (seed != null) b.optSeed(seed);
        return b;
    }
}
