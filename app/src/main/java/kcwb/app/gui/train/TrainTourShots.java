package kcwb.app.gui.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import kcwb.app.gui.MainWindow;
import kcwb.app.gui.ScreenshotTour;
import kcwb.app.gui.chart.MetricChart;
import kcwb.app.gui.common.I18n;

/**
 * The screenshot tour's Train dashboard mid-training ({@code train-dashboard.png}, Korean):
 * a real run on the demo workspace with batch 4 (so the loss chart has a few dozen points), shot once the chart
 * holds {@value #POINTS} loss points and a dev evaluation, then stopped.
 */
public final class TrainTourShots {
    private static final int POINTS = 10;

    private TrainTourShots() {}

    public static List<Path> midTraining(MainWindow window, Path out) throws Exception {
        List<Path> written = new ArrayList<>();
        for (Locale locale : List.of(Locale.KOREAN)) { // one real run is slow enough; the idle view has train-en.png
            ScreenshotTour.onFx(() -> {
                window.show(I18n.of(locale));
                window.viewModel().showView("train");
                return null;
            });
            Thread.sleep(1000); // the form sits in a ScrollPane: its fields join the scene with the skin, after a pulse
            ScreenshotTour.onFx(() -> {
                field(window, "batchSize").setText("4");
                field(window, "learningRate").setText("0.0005");
                field(window, "patience").setText("0"); // no early stop before the shot
                ((Button) window.scene().lookup("#train-start")).fire();
                return null;
            });
            long deadline = System.nanoTime() + 240_000_000_000L;
            while (System.nanoTime() < deadline && !enoughPoints(window)) {
                Thread.sleep(250);
            }
            written.add(ScreenshotTour.snapshot(window.scene(),
                    out.resolve("train-dashboard" + (locale == Locale.KOREAN ? "" : "-en") + ".png")));
            ScreenshotTour.onFx(() -> {
                ((Button) window.scene().lookup("#train-stop")).fire();
                return null;
            });
            while (ScreenshotTour.onFx(() -> window.scene().lookup("#train-start").isDisabled())) {
                Thread.sleep(250);
            }
        }
        return written;
    }

    private static boolean enoughPoints(MainWindow window) throws Exception {
        return ScreenshotTour.onFx(() -> {
            MetricChart loss = (MetricChart) window.scene().lookup("#train-chart-loss");
            return loss.series().get(0).size() >= POINTS && loss.series().get(1).size() >= 1;
        });
    }

    private static TextField field(MainWindow window, String key) {
        return (TextField) window.scene().lookup("#train-field-" + key);
    }
}
