package kcwb.app.gui.shell;

import java.util.List;
import kcwb.app.gui.preview.PreviewWorkbenchView;

/**
 * The main views in navigation order. One line per view: when a real view lands, replace its placeholder
 * here with the view's factory (e.g. {@code new LabelingWorkbenchView()}).
 */
public final class WorkbenchViews {
    private WorkbenchViews() {}

    public static List<WorkbenchView> standard() {
        return List.of(
                new PreviewWorkbenchView(),
                PlaceholderView.of("label").withSample(DemoSamples::commentCard),
                PlaceholderView.of("items").withSample(DemoSamples::commentTable),
                PlaceholderView.of("train"),
                PlaceholderView.of("evaluate"),
                PlaceholderView.of("models"));
    }
}
