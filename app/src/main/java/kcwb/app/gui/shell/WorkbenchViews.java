package kcwb.app.gui.shell;

import java.util.List;

/**
 * The main views in navigation order. One line per view: when a real view lands, replace its placeholder
 * here with the view's factory (e.g. {@code new LabelingWorkbenchView()}).
 */
public final class WorkbenchViews {
    private WorkbenchViews() {}

    public static List<WorkbenchView> standard() {
        return List.of(
                PlaceholderView.of("preview"),
                new kcwb.app.gui.label.LabelWorkbenchView(),
                new kcwb.app.gui.items.ItemsWorkbenchView(),
                new kcwb.app.gui.progress.ProgressWorkbenchView(),
                PlaceholderView.of("train"),
                PlaceholderView.of("evaluate"),
                PlaceholderView.of("models"));
    }
}
