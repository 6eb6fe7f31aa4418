package kcwb.app.service.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import kcwb.app.service.AppVersion;
import kcwb.storage.project.Project;
import kcwb.storage.run.Run;
import kcwb.storage.run.RunState;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import kcwb.training.finetune.BaseModel;
import kcwb.training.finetune.DemoModel;
import kcwb.training.finetune.FineTuneJob;
import kcwb.training.finetune.FileDatasetOptions;
import kcwb.training.finetune.FineTuneRequest;
import kcwb.training.provenance.ProvenanceJson;
import kcwb.training.provenance.RunProvenance;
import kcwb.training.train.ProblemType;
import kcwb.training.train.TrainingConfig;
import kcwb.training.train.TrainingConfigBuilder;
import kcwb.training.train.TrainingListener;
import kcwb.training.train.TrainingPresets;
import kcwb.training.train.TrainingStateStore;
import kcwb.training.train.TrainingSummary;

/**
 * Runs one fine-tuning from a {@link TrainRequest}, for the CLI and the GUI. Everything is validated before
 * the first step (config, data, labels, model width). With a workspace, the run is recorded and every event
 * persisted ({@link RunRecorder}), on the calling thread, which owns the workspace it opens for this run.
 * Call {@link #run} on a background thread; {@code onPrepared} hands out the job so the caller can cancel it.
 */
public final class TrainService {

    /** Trains (or resumes) and returns the summary; a cancelled run ends normally with reason CANCELLED. */
    public TrainingSummary run(TrainRequest request, List<TrainingListener> listeners, Consumer<FineTuneJob> onPrepared)
            throws IOException {
        return run(request, 0, listeners, onPrepared);
    }

    /**
     * Resumes {@code request.resumeFrom()} with {@code moreEpochs} epochs added to the run's own ("continue for N
     * more epochs"); works on a finished run's last checkpoint too. The learning-rate schedule spans the new total.
     */
    public TrainingSummary continueRun(TrainRequest request, int moreEpochs, List<TrainingListener> listeners,
            Consumer<FineTuneJob> onPrepared) throws IOException {
        if (request.resumeFrom() == null) {
            throw new IllegalArgumentException("continue needs the checkpoint to continue from");
        }
        if (moreEpochs < 1) {
            throw new IllegalArgumentException("more epochs must be ≥ 1, got " + moreEpochs);
        }
        return run(request, moreEpochs, listeners, onPrepared);
    }

    private TrainingSummary run(TrainRequest request, int moreEpochs, List<TrainingListener> listeners,
            Consumer<FineTuneJob> onPrepared) throws IOException {
        Workspace workspace = request.usesWorkspace() ? WorkspaceStore.open(request.workspace()) : null;
        try {
            if (workspace != null) {
                RunLiveness.markInterrupted(workspace);
            }
            TrainingData data = request.usesWorkspace()
                    ? TrainingDataLoader.fromWorkspace(workspace, request.project(), request.splitSeed())
                    : TrainingDataLoader.fromFiles(request.trainFile(), request.devFile(), new FileDatasetOptions(
                            request.textColumn(), request.labelColumn(), request.multiLabel(), request.allowEmptyLabels()),
                            request.splitSeed());
            FineTuneRequest fineTune = request.resumeFrom() == null ? newRun(request, data) : resumed(request, data, moreEpochs);
            try (RunLiveness alive = RunLiveness.hold(fineTune.runDir());
                    FineTuneJob job = FineTuneJob.prepare(fineTune)) {
                List<TrainingListener> all = new ArrayList<>(listeners);
                if (workspace != null) {
                    Project project = workspace.projects().require(request.project());
                    Run run = recordedRun(workspace, project, request, fineTune, job);
                    workspace.runs().setProvenance(run.id(), ProvenanceJson.toJson(job.provenance()));
                    all.add(new RunRecorder(workspace.runs(), run.id()));
                }
                onPrepared.accept(job);
                return request.resumeFrom() == null ? job.run(all) : job.resume(request.resumeFrom(), all);
            }
        } finally {
            if (workspace != null) {
                workspace.close();
            }
        }
    }

    /**
     * The run row events go to: a resume continues (reopens) the row of the run that wrote the checkpoint, when
     * the workspace has one, dropping what that run recorded after the checkpoint; otherwise a new row.
     */
    private static Run recordedRun(Workspace workspace, Project project, TrainRequest request, FineTuneRequest fineTune,
            FineTuneJob job) throws IOException {
        String runDir = fineTune.runDir().toAbsolutePath().normalize().toString();
        if (request.resumeFrom() != null) {
            var previous = workspace.runs().findByRunDir(project.id(), runDir);
            if (previous.isPresent() && previous.get().state() != RunState.RUNNING) {
                long fromStep = TrainingStateStore.readState(request.resumeFrom()).optimizerStep();
                workspace.runs().reopen(previous.get().id(), fromStep);
                return workspace.runs().get(previous.get().id()).orElseThrow();
            }
        }
        String name = (request.resumeFrom() == null ? "" : "resume of ") + fineTune.runDir().getFileName();
        return workspace.runs().start(project.id(), name, EventJson.toJson(fineTune.config()),
                job.provenance().dataset().sha256(), runDir);
    }

    private static FineTuneRequest newRun(TrainRequest request, TrainingData data) throws IOException {
        TrainingConfig config = config(request, data);
        Path runDir = request.outDir();
        if (runDir == null) {
            throw new IllegalArgumentException("--out: give the folder for the run's checkpoints");
        }
        if (Files.isDirectory(runDir) && RunLiveness.lastCheckpoint(runDir).isPresent()) {
            throw new IllegalArgumentException(runDir + " already holds checkpoints of a run; choose a new --out, or "
                    + "continue it with --resume " + RunLiveness.lastCheckpoint(runDir).get());
        }
        BaseModel base;
        Path tokenizerDir;
        if (request.baseModel() != null) {
            if (request.preset() != null) {
                throw new IllegalArgumentException("give either --base-model or --preset, not both");
            }
            base = BaseModel.folder(request.baseModel());
            tokenizerDir = request.tokenizerDir() != null ? request.tokenizerDir() : request.baseModel();
        } else {
            base = BaseModel.fromScratch(request.preset() == null ? "tiny" : request.preset());
            tokenizerDir = request.tokenizerDir() != null ? request.tokenizerDir()
                    : DemoModel.extractTo(runDir.resolve("base-tokenizer"));
        }
        return new FineTuneRequest(base, tokenizerDir, request.cleaning(), data.labels(), data.problemType(),
                data.train(), data.dev(), data.source(), data.splitSeed(), config, runDir, AppVersion.version(), null);
    }

    /** Same run folder, config, cleaning and labels as the run that wrote the checkpoint. */
    private static FineTuneRequest resumed(TrainRequest request, TrainingData data, int moreEpochs) throws IOException {
        Path checkpoint = request.resumeFrom();
        RunProvenance provenance = ProvenanceJson.read(checkpoint);
        TrainingConfig config = provenance.config();
        if (moreEpochs > 0) {
            if (config.maxSteps() > 0) {
                throw new IllegalArgumentException("the run is limited to " + config.maxSteps()
                        + " steps, not epochs: more epochs would not change it");
            }
            config = config.toBuilder().optEpochs(config.epochs() + moreEpochs).build();
        }
        if (!provenance.dataset().labels().equals(data.labels())) {
            throw new IllegalArgumentException("the data's labels " + data.labels() + " differ from the run's "
                    + provenance.dataset().labels());
        }
        if (!data.problemType().hfName().equals(provenance.dataset().problemType())) {
            throw new IllegalArgumentException("the run is " + provenance.dataset().problemType() + " but the data is read as "
                    + data.problemType().hfName() + (data.problemType() == ProblemType.SINGLE_LABEL
                            ? ": resume with --multi-label" : ": resume without --multi-label"));
        }
        return new FineTuneRequest(BaseModel.folder(checkpoint), checkpoint, provenance.cleaning().recipeId(),
                data.labels(), data.problemType(), data.train(), data.dev(), data.source(), data.splitSeed(),
                config, checkpoint.toAbsolutePath().getParent(), AppVersion.version(), null);
    }

    /** The task preset with the overrides applied; the problem type comes from the data. */
    static TrainingConfig config(TrainRequest request, TrainingData data) {
        TrainingConfig preset = TrainingPresets.named(request.taskPreset() == null ? "quick" : request.taskPreset());
        TrainingConfigBuilder builder = preset.toBuilder().optProblemType(data.problemType());
        if (request.overrides() != null) {
            builder = request.overrides().apply(builder);
        }
        return builder.build();
    }
}
