package kcwb.app.gui.label;

import javafx.scene.Node;
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
                context.shell().annotatorProperty());
        context.shell().workspaceProperty().addListener((obs, old, file) -> {
            if (file != null && !file.isEmpty()) {
                viewModel.load();
            }
        });
        if (!context.shell().workspaceProperty().get().isEmpty()) {
            viewModel.load();
        }
        context.shell().labelJumps().addListener((obs, old, id) -> {
            if (id != null) {
                viewModel.jumpTo(id.longValue());
            }
        });
        return new LabelView(viewModel).root();
    }
}
