package kcwb.app.gui.runs;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import kcwb.app.gui.common.I18n;

/** The charts of one run or of runs overlaid: training loss, eval loss and metric, learning rate. */
final class RunChartsPane {
    /** A run's curves under the name its series carry (its run name, or A / B when compared). */
    record Named(String name, RunCurves curves) {}

    private final I18n i18n;
    private final String id;
    private final VBox root = new VBox(8);

    RunChartsPane(I18n i18n, String id) {
        this.i18n = i18n;
        this.id = id;
    }

    Parent build() {
        root.setId(id);
        return root;
    }

    void show(List<Named> runs) {
        root.getChildren().setAll(runs.stream().map(run -> new Label(run.name() + ": "
                + run.curves().trainLoss().size() + " / " + run.curves().evalLoss().size())).toList());
    }
}
