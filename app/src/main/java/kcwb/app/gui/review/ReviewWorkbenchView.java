package kcwb.app.gui.review;

import javafx.scene.Node;
import kcwb.app.gui.shell.ViewContext;
import kcwb.app.gui.shell.WorkbenchView;

/** Registers predict → review queue → bulk accept as the "review" view; it reloads on workspace open and when shown. */
public final class ReviewWorkbenchView implements WorkbenchView {
    @Override
    public String id() {
        return "review";
    }

    @Override
    public String titleKey() {
        return "nav.review";
    }

    @Override
    public Node createContent(ViewContext context) {
        var shell = context.shell();
        ReviewViewModel viewModel = new ReviewViewModel(context.i18n(), context.taskRunner(), shell.session(),
                shell.annotatorProperty(), shell.currentProjectProperty());
        context.whenWorkspaceOpens(viewModel::load);
        context.whenShown(id(), () -> {
            if (context.workspaceOpen()) {
                viewModel.load(); // new runs or labels since the view was last shown
            }
        });
        if (context.workspaceOpen()) {
            viewModel.load();
        }
        return new ReviewView(viewModel, shell::openInLabelView).root();
    }
}
