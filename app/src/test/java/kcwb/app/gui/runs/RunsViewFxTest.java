package kcwb.app.gui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import kcwb.app.gui.MainWindow;
import kcwb.app.gui.chart.MetricChart;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.project.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The runs view in the real window: open a run and see its checkpoints, then compare two runs. */
@ExtendWith(ApplicationExtension.class)
class RunsViewFxTest {
    private WorkspaceSession session;

    @Start
    void start(Stage stage) throws IOException {
        Path dir = Files.createTempDirectory("kcwb-runs-fx");
        session = new WorkspaceSession();
        session.openOrInit(dir.resolve("runs.kcwb"), ws -> {
            Project news = RunFixtures.project(ws, "news");
            RunFixtures.finishedRun(ws, news.id(), "run-a", 5e-5, "aaaa1111", 8, 0.6);
            RunFixtures.finishedRun(ws, news.id(), "run-b", 1e-4, "aaaa1111", 8, 0.8);
        });
        AppSettingsStore store = new AppSettingsStore(dir.resolve("config"));
        store.save(AppSettings.defaults().withAnnotatorName("tester"));
        MainWindow window = new MainWindow(stage, store, new DirectTaskRunner(), WorkbenchViews.standard(), session);
        window.show(I18n.of(Locale.ENGLISH));
        stage.show();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void openARunSeeItsCheckpointsThenCompareTwoRuns(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-runs");
        TableView<RunRow> runs = robot.lookup("#runs-table").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        assertEquals("run-b", runs.getItems().getFirst().name(), "newest first");

        robot.clickOn(robot.lookup("#runs-table .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        robot.clickOn("#runs-open");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, charts(robot, "#runs-charts").size());
        robot.clickOn("#runs-tab-checkpoints .tab-label");
        TableView<CheckpointRow> checkpoints = robot.lookup("#runs-checkpoints").queryTableView();
        assertEquals(List.of(2L, 4L, 6L, 8L), checkpoints.getItems().stream().map(CheckpointRow::step).toList());
        assertTrue(checkpoints.getItems().getLast().best());

        robot.clickOn(robot.lookup("#runs-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.press(KeyCode.SHIFT).clickOn(robot.lookup("#runs-table .table-row-cell").nth(1)
                .queryAs(javafx.scene.Node.class)).release(KeyCode.SHIFT);
        robot.clickOn("#runs-compare");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ConfigDiff.Row> diff = robot.lookup("#runs-diff").queryTableView();
        assertEquals(List.of("learningRate"), diff.getItems().stream().map(ConfigDiff.Row::key).toList());
        List<MetricChart> overlaid = charts(robot, "#runs-compare-charts");
        assertEquals(4, overlaid.size());
        assertTrue(overlaid.stream().allMatch(chart -> chart.series().size() == 2), "both runs on every chart");
    }

    @Test
    void aCheckpointOpensInTheTrainViewReadyToResume(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-runs");
        TableView<RunRow> runs = robot.lookup("#runs-table").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        robot.clickOn(robot.lookup("#runs-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.clickOn("#runs-open");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#runs-tab-checkpoints .tab-label");
        TableView<CheckpointRow> checkpoints = robot.lookup("#runs-checkpoints").queryTableView();
        robot.interact(() -> checkpoints.getSelectionModel().select(1));
        assertEquals(4L, checkpoints.getSelectionModel().getSelectedItem().step());
        robot.clickOn("#runs-open-train");
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.Button resume = robot.lookup("#train-resume").queryButton();
        assertTrue(resume.isVisible() && !resume.isDisabled(), "the train view is shown, ready to resume");
        String message = robot.lookup("#train-message").queryLabeled().getText();
        assertTrue(message.contains("checkpoint-4"), message);
    }

    private static List<MetricChart> charts(FxRobot robot, String pane) {
        return robot.lookup(pane).queryParent().getChildrenUnmodifiable().stream()
                .filter(MetricChart.class::isInstance).map(MetricChart.class::cast).toList();
    }
}
