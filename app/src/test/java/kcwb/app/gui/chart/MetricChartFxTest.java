package kcwb.app.gui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The canvas chart on a real stage: 100k points draw in one coalesced redraw, hover names the nearest point. */
@ExtendWith(ApplicationExtension.class)
class MetricChartFxTest {
    private static final Color LOSS_COLOR = Color.rgb(220, 30, 30);

    private MetricChart chart;
    private ChartSeries loss;
    private ChartSeries eval;

    @Start
    void start(Stage stage) {
        chart = new MetricChart("Training loss");
        chart.setId("chart");
        loss = chart.addSeries("train loss", SeriesStyle.smoothedLine(LOSS_COLOR));
        eval = chart.addSeries("eval loss", SeriesStyle.points(Color.rgb(30, 30, 220)));
        stage.setScene(new Scene(new StackPane(chart), 640, 360));
        stage.show();
    }

    @Test
    void drawsAHundredThousandStepsInAFewRedrawsAndShowsTheNearestPointOnHover(FxRobot robot) throws Exception {
        long before = chart.redrawCount();
        robot.interact(() -> {
            for (int step = 1; step <= 100_000; step++) {
                loss.append(step, 2.0 / Math.sqrt(step));
            }
            for (int step = 10_000; step <= 100_000; step += 10_000) {
                eval.append(step, 2.5 / Math.sqrt(step));
            }
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.redrawCount() > before);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // one more throttle interval: nothing else is queued
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.redrawCount() - before <= 2, "100k appends coalesced into " + (chart.redrawCount() - before) + " redraws");
        assertTrue(redPixels(robot) > 200, "the loss line is drawn");

        robot.moveTo(chart).moveBy(-100, 0);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !chart.hoverTextProperty().get().isEmpty());
        String hover = chart.hoverTextProperty().get();
        java.util.regex.Matcher parts = java.util.regex.Pattern.compile("(train|eval) loss · step (\\d+) · [0-9.e-]+.*").matcher(hover);
        assertTrue(parts.matches(), hover);
        long step = Long.parseLong(parts.group(2));
        assertTrue(step > 15_000 && step < 45_000, "100 px left of the centre is about step 28k: " + hover);

        robot.clickOn("train loss");   // the legend entry hides the series
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !loss.isVisible());
        robot.interact(chart::redrawNow);
        assertEquals(0, redPixels(robot), "a hidden series is not drawn");
        assertFalse(eval.raw().isEmpty());
    }

    private int redPixels(FxRobot robot) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = chart.snapshot(null, null));
        PixelReader pixels = shot[0].getPixelReader();
        int count = 0;
        for (int y = 0; y < (int) shot[0].getHeight(); y++) {
            for (int x = 0; x < (int) shot[0].getWidth(); x++) {
                Color c = pixels.getColor(x, y);
                if (c.getRed() > 0.7 && c.getGreen() < 0.35 && c.getBlue() < 0.35) {
                    count++;
                }
            }
        }
        return count;
    }
}
