package kcwb.app.gui.items;

import javafx.scene.Node;
import kcwb.app.gui.imports.ImportDialog;
import kcwb.app.gui.imports.ImportViewModel;
import kcwb.app.gui.shell.ViewContext;
import kcwb.app.gui.shell.WorkbenchView;

/** Registers the item table as the "items" view; it reloads when a workspace opens and when shown again. */
public final class ItemsWorkbenchView implements WorkbenchView {
    @Override
    public String id() {
        return "items";
    }

    @Override
    public String titleKey() {
        return "nav.items";
    }

    @Override
    public Node createContent(ViewContext context) {
        ItemsViewModel viewModel = new ItemsViewModel(context.i18n(), context.taskRunner(), context.shell().session(),
                context.shell().currentProjectProperty());
        context.whenWorkspaceOpens(viewModel::load);
        context.whenShown(id(), () -> {
            if (context.workspaceOpen()) {
                viewModel.apply(); // labels changed while the labeling view was shown
            }
        });
        if (context.workspaceOpen()) {
            viewModel.load();
        }
        var shell = context.shell();
        ImportViewModel importViewModel = new ImportViewModel(context.i18n(), context.taskRunner(), shell.session(),
                () -> shell.session().file().ifPresent(shell::openWorkspace), // reopening reloads every view
                () -> shell.currentProjectProperty().get() == null ? null : shell.currentProjectProperty().get().id());
        javafx.scene.Parent[] root = new javafx.scene.Parent[1];
        root[0] = new ItemsView(viewModel, shell::openInLabelView,
                () -> new ImportDialog(importViewModel, () -> shell.annotatorProperty().get())
                        .show(root[0].getScene().getWindow())).root();
        return root[0];
    }
}
