package kcwb.app.gui.shell;

import java.util.List;
import kcwb.app.gui.evaluate.EvaluateWorkbenchView;
import kcwb.app.gui.items.ItemsWorkbenchView;
import kcwb.app.gui.label.LabelWorkbenchView;
import kcwb.app.gui.models.ModelsWorkbenchView;
import kcwb.app.gui.preview.PreviewWorkbenchView;
import kcwb.app.gui.progress.ProgressWorkbenchView;
import kcwb.app.gui.review.ReviewWorkbenchView;
import kcwb.app.gui.runs.RunsWorkbenchView;
import kcwb.app.gui.train.TrainWorkbenchView;

/** The main views in navigation order (View ▸ Go to, Ctrl+1…9). One line per view. */
public final class WorkbenchViews {
    private WorkbenchViews() {}

    public static List<WorkbenchView> standard() {
        return List.of(
                new PreviewWorkbenchView(),
                new LabelWorkbenchView(),
                new ItemsWorkbenchView(),
                new ProgressWorkbenchView(),
                new TrainWorkbenchView(),
                new RunsWorkbenchView(),
                new EvaluateWorkbenchView(),
                new ReviewWorkbenchView(),
                new ModelsWorkbenchView());
    }
}
