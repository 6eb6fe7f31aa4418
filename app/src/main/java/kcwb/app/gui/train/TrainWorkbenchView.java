package kcwb.app.gui.train;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import kcwb.app.gui.shell.ViewContext;
import kcwb.app.gui.shell.WorkbenchView;
import kcwb.training.hub.HubCache;
import kcwb.training.hub.HubSettings;

/**
 * Registers the Train view. The run gets its own daemon thread per run ("kcwb-train"): the shared task runner
 * has two workers that the other views need for their short tasks, and a run holds one for minutes.
 */
public final class TrainWorkbenchView implements WorkbenchView {
    @Override
    public String id() {
        return "train";
    }

    @Override
    public String titleKey() {
        return "nav.train";
    }

    @Override
    public Node createContent(ViewContext context) {
        var shell = context.shell();
        TrainViewModel viewModel = new TrainViewModel(context.i18n(), context.taskRunner(), shell.session(),
                TrainLauncher.trainService(), TrainWorkbenchView::trainingThread, Platform::runLater,
                new LiveMetrics(context.i18n()), TrainWorkbenchView::baseModels);
        viewModel.projectProperty().set(shell.currentProjectProperty().get());
        shell.currentProjectProperty().addListener((obs, old, project) -> {
            if (!viewModel.isBusy()) {
                viewModel.projectProperty().set(project);
            }
        });
        context.whenWorkspaceOpens(viewModel::resetOutFolder);
        context.whenShown(id(), viewModel::refreshSplits);
        viewModel.resetOutFolder();
        viewModel.refreshSplits();
        adoptRequested(shell, viewModel); // the request may come before this view was first shown
        shell.checkpointToResumeProperty().addListener((obs, old, checkpoint) -> adoptRequested(shell, viewModel));
        shell.addCloseGuard(() -> viewModel.isBusy()
                ? Optional.of(context.i18n().get("train.closeWarning")) : Optional.empty());
        Runnable showRuns = shell.viewIds().contains("runs") ? () -> shell.showView("runs") : null;
        return new TrainView(viewModel, shell.projects(), showRuns).build();
    }

    private static void adoptRequested(kcwb.app.gui.shell.MainViewModel shell, TrainViewModel viewModel) {
        java.nio.file.Path checkpoint = shell.checkpointToResumeProperty().get();
        if (checkpoint != null) {
            shell.checkpointToResumeProperty().set(null);
            viewModel.adoptCheckpoint(checkpoint);
        }
    }

    private static void trainingThread(Runnable run) {
        Thread thread = new Thread(run, "kcwb-train");
        thread.setDaemon(true);
        thread.start();
    }

    private static List<kcwb.app.gui.train.BaseModelChoice> baseModels() {
        return BaseModelChoice.available(new HubCache(HubSettings.fromEnvironment().cacheDir()));
    }
}
