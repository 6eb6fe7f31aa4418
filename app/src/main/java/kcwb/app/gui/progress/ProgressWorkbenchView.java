package kcwb.app.gui.progress;

import javafx.scene.Node;
import kcwb.app.gui.shell.ViewContext;
import kcwb.app.gui.shell.WorkbenchView;

/** Registers the progress screen as the "progress" view; it refreshes whenever it is shown. */
public final class ProgressWorkbenchView implements WorkbenchView {
    @Override
    public String id() {
        return "progress";
    }

    @Override
    public String titleKey() {
        return "nav.progress";
    }

    @Override
    public Node createContent(ViewContext context) {
        ProgressViewModel viewModel = new ProgressViewModel(context.i18n(), context.taskRunner(), context.shell().session(),
                context.shell().currentProjectProperty());
        context.whenShown(id(), viewModel::refresh);
        context.whenWorkspaceOpens(viewModel::refresh);
        if (context.workspaceOpen()) {
            viewModel.refresh();
        }
        return new ProgressView(viewModel).build();
    }
}
