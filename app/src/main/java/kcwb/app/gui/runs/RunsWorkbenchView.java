package kcwb.app.gui.runs;

import java.time.Clock;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;
import kcwb.app.gui.shell.MainViewModel;
import kcwb.app.gui.shell.ViewContext;
import kcwb.app.gui.shell.WorkbenchView;

/**
 * Registers the runs screen as the "runs" view. It reloads when shown, when a workspace opens, when the
 * project changes, and every few seconds while it is shown and a listed run is running.
 */
public final class RunsWorkbenchView implements WorkbenchView {
    static final Duration POLL = Duration.seconds(3);

    @Override
    public String id() {
        return "runs";
    }

    @Override
    public String titleKey() {
        return "nav.runs";
    }

    @Override
    public Node createContent(ViewContext context) {
        MainViewModel shell = context.shell();
        RunsViewModel viewModel = new RunsViewModel(context.i18n(), context.taskRunner(), shell.session(),
                shell.currentProjectProperty(), Clock.systemUTC());
        viewModel.setOnOpenInEvaluate(checkpoint -> {
            shell.selectedCheckpointProperty().set(checkpoint);
            shell.showView("evaluate");
        });
        viewModel.setOnOpenInTrain(checkpoint -> {
            shell.checkpointToResumeProperty().set(checkpoint);
            shell.showView("train");
        });
        context.whenShown(id(), viewModel::refresh);
        context.whenWorkspaceOpens(viewModel::reload);
        Timeline poll = new Timeline(new KeyFrame(POLL, event -> {
            if (id().equals(shell.selectedViewProperty().get())) {
                viewModel.refreshIfRunning();
            }
        }));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
        Node root = new RunsView(viewModel).build(); // before the first load: the view listens for what it opens
        if (context.workspaceOpen()) {
            viewModel.refresh();
        }
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null && old != null) {
                poll.stop(); // the window was rebuilt (language switch): this content is gone
            }
        });
        return root;
    }
}
