package kcwb.app.gui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.train.TrainViewModel.RunState;
import kcwb.app.service.DemoComments;
import kcwb.app.service.DemoWorkspace;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.train.TrainRequest;
import kcwb.storage.project.Project;
import kcwb.training.train.TrainingConfig;
import kcwb.training.train.TrainingEvent;
import kcwb.training.train.TrainingListener;
import kcwb.training.train.TrainingPresets;
import kcwb.training.train.TrainingSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Train view's state machine on the demo workspace, with a scripted launcher: the training thread is a queue
 * the test runs by hand, the UI executor and the throttle run inline.
 */
class TrainViewModelTest {
    @TempDir
    Path dir;
    private WorkspaceSession session;
    private final Queue<Runnable> trainingThread = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<String> chart = new ArrayList<>();
    private TrainViewModel viewModel;
    private Project project;

    /** One launch: what was asked, and the scripted run's own stop flag. */
    record Call(TrainRequest request, int moreEpochs) {}

    @BeforeEach
    void open() {
        session = new WorkspaceSession();
        session.openOrInit(dir.resolve("demo.kcwb"), DemoWorkspace::fill);
        project = session.call(ws -> ws.projects().list().getFirst());
        LiveMetrics live = new LiveMetrics(I18n.of(Locale.ENGLISH), (action, delay) -> action.run(), Runnable::run, System::nanoTime);
        live.setFeed(new LiveMetrics.ChartFeed() {
            @Override
            public void append(LiveMetrics.Series series, long step, double value) {
                chart.add(series + "@" + step);
            }

            @Override
            public void clear() {
                chart.clear();
            }
        });
        viewModel = new TrainViewModel(I18n.of(Locale.ENGLISH), new DirectTaskRunner(), session, this::scriptedRun,
                trainingThread::add, Runnable::run, live, () -> List.of(BaseModelChoice.scratch("tiny")));
        viewModel.resetOutFolder();
        viewModel.projectProperty().set(project);
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** Emits Started and steps 1..3; stops at step 3 with a checkpoint when cancelled, else runs to step 6. */
    private TrainingSummary scriptedRun(TrainRequest request, int more, TrainingListener listener,
            java.util.function.Consumer<Runnable> onCancellable) {
        calls.add(new Call(request, more));
        boolean[] cancelled = {false};
        onCancellable.accept(() -> cancelled[0] = true);
        long from = request.resumeFrom() == null ? 0 : 3;
        listener.onEvent(new TrainingEvent.Started("cpu()", 2, 100, 10, 3, 6 + 3L * more > 0 ? 6 + 3 * more : 6, from,
                TrainingPresets.quick()));
        Path out = request.resumeFrom() == null ? request.outDir() : request.resumeFrom().getParent();
        for (long step = from + 1; step <= 6 + 3L * more; step++) {
            listener.onEvent(new TrainingEvent.Step(step, step / 3.0, 1.0 / step, 1e-4, 1, 50, 6 - step));
            if (step == 3 && cancelled[0]) {
                Path checkpoint = out.resolve("checkpoint-3");
                listener.onEvent(new TrainingEvent.Cancelled(3, checkpoint));
                return new TrainingSummary(TrainingSummary.StopReason.CANCELLED, 3, 1, null, null, checkpoint, 1, 50);
            }
        }
        long last = 6 + 3L * more;
        return new TrainingSummary(TrainingSummary.StopReason.COMPLETED, last, 2, null, null,
                out.resolve("checkpoint-" + last), 2, 50);
    }

    private void runTrainingThread() {
        while (!trainingThread.isEmpty()) {
            trainingThread.poll().run();
        }
    }

    @Test
    void idleRunningStoppingStoppedResumedFinished() {
        assertEquals(RunState.IDLE, viewModel.stateProperty().get());
        assertTrue(viewModel.canStartProperty().get());
        assertFalse(viewModel.canResumeProperty().get());

        viewModel.start();
        assertEquals(RunState.RUNNING, viewModel.stateProperty().get());
        assertTrue(viewModel.isBusy());
        assertFalse(viewModel.canStartProperty().get(), "one run at a time");
        assertEquals(1, trainingThread.size(), "the run goes to the training thread, not the task runner");

        viewModel.stop();    // before the run even started: it is cancelled as soon as it can be
        assertEquals(RunState.STOPPING, viewModel.stateProperty().get());
        runTrainingThread();
        assertEquals(RunState.STOPPED, viewModel.stateProperty().get());
        Path checkpoint = viewModel.checkpointProperty().get();
        assertEquals("checkpoint-3", checkpoint.getFileName().toString());
        assertTrue(viewModel.messageProperty().get().contains("checkpoint-3"), viewModel.messageProperty().get());
        assertTrue(viewModel.canResumeProperty().get());
        assertTrue(viewModel.canStartProperty().get(), "a new run may start instead");
        assertEquals(List.of("TRAIN_LOSS@1", "LEARNING_RATE@1", "TRAIN_LOSS@2", "LEARNING_RATE@2", "TRAIN_LOSS@3",
                "LEARNING_RATE@3"), chart);

        TrainRequest first = calls.getFirst().request();
        assertEquals(project.name(), first.project());
        assertEquals("tiny", first.preset());
        assertEquals("quick", first.taskPreset());
        assertTrue(first.outDir().startsWith(dir.resolve("demo.kcwb.runs")), first.outDir().toString());

        viewModel.resume();
        assertEquals(RunState.RUNNING, viewModel.stateProperty().get());
        runTrainingThread();
        assertEquals(checkpoint, calls.get(1).request().resumeFrom());
        assertEquals(RunState.FINISHED, viewModel.stateProperty().get());
        assertFalse(viewModel.isBusy());
        assertTrue(viewModel.messageProperty().get().startsWith("Finished: 6 steps"), viewModel.messageProperty().get());
        assertTrue(chart.contains("TRAIN_LOSS@6"), "a resume keeps the charts and adds to them");
        assertEquals("Step 6 / 6", viewModel.live().stepTextProperty().get());
        assertEquals(1.0, viewModel.live().progressProperty().get());
        assertEquals("CPU, 2 threads", viewModel.live().deviceProperty().get());
        assertFalse(viewModel.canResumeProperty().get(), "a finished run is continued, not resumed");
        assertTrue(viewModel.canContinueProperty().get());
    }

    @Test
    void aCheckpointChosenInTheRunsViewIsResumedOrContinued() {
        Path earlier = dir.resolve("demo.kcwb.runs/20261101-120000/checkpoint-3");
        viewModel.adoptCheckpoint(earlier);
        assertEquals(RunState.STOPPED, viewModel.stateProperty().get());
        assertTrue(viewModel.messageProperty().get().contains("20261101-120000/checkpoint-3"), viewModel.messageProperty().get());
        assertTrue(viewModel.canResumeProperty().get());
        assertTrue(viewModel.canContinueProperty().get());

        viewModel.resume();
        assertEquals(RunState.RUNNING, viewModel.stateProperty().get());
        viewModel.adoptCheckpoint(dir.resolve("other/checkpoint-9")); // ignored: a run is in progress
        runTrainingThread();
        assertEquals(earlier, calls.getFirst().request().resumeFrom());
        assertEquals(RunState.FINISHED, viewModel.stateProperty().get());
        assertEquals(earlier.resolveSibling("checkpoint-6"), viewModel.checkpointProperty().get());
    }

    @Test
    void continueForMoreEpochsResumesTheLastCheckpointWithTheExtraEpochs() {
        viewModel.start();
        runTrainingThread();
        assertEquals(RunState.FINISHED, viewModel.stateProperty().get());
        viewModel.moreEpochsProperty().set("x");
        assertFalse(viewModel.canContinueProperty().get(), "N must be a positive whole number");
        viewModel.moreEpochsProperty().set("2");
        viewModel.continueMoreEpochs();
        runTrainingThread();
        Call second = calls.get(1);
        assertEquals(2, second.moreEpochs());
        assertEquals("checkpoint-6", second.request().resumeFrom().getFileName().toString());
        assertEquals(RunState.FINISHED, viewModel.stateProperty().get());
        assertEquals("checkpoint-12", viewModel.checkpointProperty().get().getFileName().toString());
    }

    @Test
    void aNewStartClearsTheChartsAndAFailureIsShown() {
        viewModel.start();
        runTrainingThread();
        assertFalse(chart.isEmpty());
        TrainViewModel failing = new TrainViewModel(I18n.of(Locale.ENGLISH), new DirectTaskRunner(), session,
                (request, more, listener, cancel) -> {
                    throw new IllegalArgumentException("project has no labelled train items");
                }, Runnable::run, Runnable::run, new LiveMetrics(I18n.of(Locale.ENGLISH), (a, d) -> a.run(), Runnable::run,
                        System::nanoTime), List::of);
        failing.resetOutFolder();
        failing.projectProperty().set(project);
        failing.start();
        assertEquals(RunState.FAILED, failing.stateProperty().get());
        assertEquals("Training failed: project has no labelled train items", failing.messageProperty().get());
        assertFalse(failing.canResumeProperty().get(), "nothing was saved to resume");
        assertTrue(failing.canStartProperty().get());

        viewModel.start();
        assertTrue(chart.isEmpty(), "a new run starts with empty charts");
    }

    @Test
    void startIsDisabledWhileTheFormIsInvalidOrNoProjectIsChosen() {
        viewModel.form().textProperty(TrainForm.Field.BATCH_SIZE).set("0");
        assertFalse(viewModel.canStartProperty().get());
        viewModel.start();
        assertEquals(RunState.IDLE, viewModel.stateProperty().get());
        assertTrue(trainingThread.isEmpty());
        viewModel.form().textProperty(TrainForm.Field.BATCH_SIZE).set("8");
        assertTrue(viewModel.canStartProperty().get());
        viewModel.projectProperty().set(null);
        assertFalse(viewModel.canStartProperty().get());
        viewModel.projectProperty().set(project);
        viewModel.outFolderProperty().set(" ");
        assertFalse(viewModel.canStartProperty().get());
    }

    /** The config the engine builds from a request, as TrainService does: the task preset with the form's overrides. */
    private static TrainingConfig configOf(TrainRequest request) {
        return request.overrides().apply(TrainingPresets.named(request.taskPreset()).toBuilder()).build();
    }

    @Test
    void maxStepsGradientAccumulationAndTheMetricForBestReachTheConfig() {
        TrainForm form = viewModel.form();
        form.textProperty(TrainForm.Field.MAX_STEPS).set(" 120 ");
        form.textProperty(TrainForm.Field.GRAD_ACCUM).set("4");
        form.metricProperty().set("loss");
        viewModel.start();
        runTrainingThread();
        TrainingConfig config = configOf(calls.getFirst().request());
        assertEquals(120, config.maxSteps());
        assertEquals(4, config.gradientAccumulationSteps());
        assertEquals("loss", config.metricForBest());
        assertFalse(config.greaterIsBetter(), "a lower dev loss is better");

        form.textProperty(TrainForm.Field.MAX_STEPS).set(""); // empty = whole epochs
        form.metricProperty().set("accuracy");
        viewModel.start();
        runTrainingThread();
        TrainingConfig second = configOf(calls.getLast().request());
        assertEquals(0, second.maxSteps());
        assertEquals(TrainingPresets.quick().epochs(), second.epochs(), "the epochs decide the length");
        assertEquals(4, second.gradientAccumulationSteps());
        assertEquals("accuracy", second.metricForBest());
        assertTrue(second.greaterIsBetter());
    }

    @Test
    void badMaxStepsAccumulationOrMetricAreRefusedWithAMessage() {
        TrainForm form = viewModel.form();
        form.textProperty(TrainForm.Field.GRAD_ACCUM).set("0");
        assertEquals("Gradient accumulation steps: a whole number from 1 to 1024",
                form.errorProperty(TrainForm.Field.GRAD_ACCUM).get());
        assertFalse(viewModel.canStartProperty().get());
        viewModel.start();
        runTrainingThread();
        assertTrue(calls.isEmpty(), "nothing starts while a field is bad");

        form.textProperty(TrainForm.Field.GRAD_ACCUM).set("2");
        form.textProperty(TrainForm.Field.MAX_STEPS).set("-5");
        assertEquals("Max steps: a whole number from 0 to 100000000", form.errorProperty(TrainForm.Field.MAX_STEPS).get());
        assertFalse(viewModel.canStartProperty().get());
        form.textProperty(TrainForm.Field.MAX_STEPS).set("1.5");
        assertFalse(form.errorProperty(TrainForm.Field.MAX_STEPS).get().isEmpty(), "steps are whole");
        form.textProperty(TrainForm.Field.MAX_STEPS).set("0");
        assertEquals("", form.errorProperty(TrainForm.Field.MAX_STEPS).get());
        assertTrue(viewModel.canStartProperty().get());

        form.metricProperty().set("f1");
        assertEquals("Metric for best checkpoint: choose one of Macro-F1, Micro-F1, Accuracy, Exact-match accuracy,"
                + " Dev loss (lowest wins)", form.metricErrorProperty().get());
        assertFalse(viewModel.canStartProperty().get());
        assertNull(form.config());
        form.metricProperty().set("micro_f1");
        assertEquals("", form.metricErrorProperty().get());
        assertTrue(viewModel.canStartProperty().get());
    }

    @Test
    void theSplitSummaryCountsEveryLabelledDemoComment() {
        SplitSummary splits = viewModel.splitsProperty().get();
        assertNotNull(splits);
        long labelled = DemoComments.load().stream().filter(c -> c.label().isPresent()).count();
        assertEquals(labelled, splits.total(SplitSummary.TRAIN) + splits.total(SplitSummary.DEV) + splits.total(SplitSummary.TEST));
        assertEquals(DemoComments.LABELS, List.copyOf(splits.counts().keySet()));
        assertTrue(splits.total(SplitSummary.TRAIN) > splits.total(SplitSummary.DEV));
        viewModel.projectProperty().set(null);
        assertNull(viewModel.splitsProperty().get());
    }

    @Test
    void theDefaultRunFolderSitsNextToTheWorkspace() {
        Path out = Path.of(viewModel.outFolderProperty().get());
        assertEquals(dir.resolve("demo.kcwb.runs"), out.getParent());
        assertTrue(out.getFileName().toString().matches("\\d{8}-\\d{6}"), out.toString());
    }
}
