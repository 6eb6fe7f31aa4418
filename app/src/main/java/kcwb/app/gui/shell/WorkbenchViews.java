package kcwb.app.gui.shell;

import java.util.List;
import kcwb.app.gui.items.ItemsWorkbenchView;
import kcwb.app.gui.label.LabelWorkbenchView;
import kcwb.app.gui.preview.PreviewWorkbenchView;
import kcwb.app.gui.progress.ProgressWorkbenchView;

/**
 * The main views in navigation order. One line per view: when a real view lands, replace its placeholder
 * here with the view's factory (e.g. {@code new LabelingWorkbenchView()}).
 */
public final class WorkbenchViews {
    private WorkbenchViews() {}

    public static List<WorkbenchView> standard() {
        return List.of(
                new PreviewWorkbenchView(),
                new LabelWorkbenchView(),
                new ItemsWorkbenchView(),
                new ProgressWorkbenchView(),
                new kcwb.app.gui.train.TrainWorkbenchView(),
                PlaceholderView.of("evaluate"),
                PlaceholderView.of("models"));
    }
}
