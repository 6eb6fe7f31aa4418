package kcwb.app.gui.shell;

import java.util.List;
import kcwb.app.gui.items.ItemsWorkbenchView;
import kcwb.app.gui.label.LabelWorkbenchView;
import kcwb.app.gui.models.ModelsWorkbenchView;
import kcwb.app.gui.preview.PreviewWorkbenchView;
import kcwb.app.gui.progress.ProgressWorkbenchView;
import kcwb.app.gui.review.ReviewWorkbenchView;

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
                PlaceholderView.of("train"),
                new kcwb.app.gui.runs.RunsWorkbenchView(),
                new kcwb.app.gui.evaluate.EvaluateWorkbenchView(),
                new ReviewWorkbenchView(),
                new ModelsWorkbenchView());
    }
}
