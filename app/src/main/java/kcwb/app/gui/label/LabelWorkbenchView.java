package kcwb.app.gui.label;

import javafx.scene.Node;
import kcwb.app.gui.project.ProjectDialog;
import kcwb.app.gui.project.ProjectViewModel;
import kcwb.app.gui.shell.ViewContext;
import kcwb.app.gui.shell.WorkbenchView;

/** Registers the labeling screen as the "label" view; it reloads whenever the shell opens a workspace. */
public final class LabelWorkbenchView implements WorkbenchView {
    @Override
    public String id() {
        return "label";
    }

    @Override
    public String titleKey() {
        return "nav.label";
    }

    @Override
    public Node createContent(ViewContext context) {
        LabelViewModel viewModel = new LabelViewModel(context.i18n(), context.taskRunner(), context.shell().session(),
                context.shell().annotatorProperty(), context.shell().currentProjectProperty());
        context.whenWorkspaceOpens(viewModel::load);
        if (context.workspaceOpen()) {
            viewModel.load();
        }
        context.shell().labelJumps().addListener((obs, old, id) -> {
            if (id != null) {
                viewModel.jumpTo(id.longValue());
            }
        });
        var shell = context.shell();
        ProjectViewModel project = new ProjectViewModel(context.i18n(), context.taskRunner(), shell.session(),
                () -> shell.session().file().ifPresent(shell::openWorkspace), // reopening reloads every view
                shell.currentProjectProperty());
        javafx.scene.Parent[] root = new javafx.scene.Parent[1];
        root[0] = new LabelView(viewModel, () -> new ProjectDialog(project).show(root[0].getScene().getWindow())).root();
        return root[0];
    }
}
