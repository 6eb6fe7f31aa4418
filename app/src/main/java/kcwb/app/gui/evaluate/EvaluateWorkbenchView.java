package kcwb.app.gui.evaluate;

import javafx.scene.Node;
import kcwb.app.gui.shell.MainViewModel;
import kcwb.app.gui.shell.ViewContext;
import kcwb.app.gui.shell.WorkbenchView;

/**
 * Registers the evaluate screen as the "evaluate" view. It lists the checkpoints again whenever it is shown or a
 * workspace opens (a run may have finished meanwhile) and preselects {@link MainViewModel#selectedCheckpointProperty}.
 */
public final class EvaluateWorkbenchView implements WorkbenchView {
    @Override
    public String id() {
        return "evaluate";
    }

    @Override
    public String titleKey() {
        return "nav.evaluate";
    }

    @Override
    public Node createContent(ViewContext context) {
        MainViewModel shell = context.shell();
        EvaluateViewModel viewModel = new EvaluateViewModel(context.i18n(), context.taskRunner(), shell.session(),
                shell.currentProjectProperty(), shell.selectedCheckpointProperty(), shell::openInLabelView);
        context.whenShown(id(), viewModel::refreshChoices);
        context.whenWorkspaceOpens(viewModel::refreshChoices);
        if (context.workspaceOpen()) {
            viewModel.refreshChoices();
        }
        return new EvaluateView(viewModel).build();
    }
}
