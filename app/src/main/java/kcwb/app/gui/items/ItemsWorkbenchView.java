package kcwb.app.gui.items;

import javafx.scene.Node;
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
        ItemsViewModel viewModel = new ItemsViewModel(context.i18n(), context.taskRunner(), context.shell().session());
        context.shell().workspaceProperty().addListener((obs, old, file) -> {
            if (file != null && !file.isEmpty()) {
                viewModel.load();
            }
        });
        context.shell().selectedViewProperty().addListener((obs, old, id) -> {
            if ("items".equals(id) && !context.shell().workspaceProperty().get().isEmpty()) {
                viewModel.apply(); // labels changed while the labeling view was shown
            }
        });
        if (!context.shell().workspaceProperty().get().isEmpty()) {
            viewModel.load();
        }
        return new ItemsView(viewModel, context.shell()::openInLabelView).root();
    }
}
