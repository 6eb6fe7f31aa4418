package kcwb.app.gui.evaluate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import kcwb.app.gui.MainWindow;
import kcwb.app.gui.common.FxTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.evaluate.ItemResult;
import kcwb.app.service.train.TrainingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The error→relabel loop in the real window with the threaded task runner: evaluate the best checkpoint of a REAL
 * tiny run, click an off-diagonal confusion-matrix cell, open one of its comments with "Fix label", and the label
 * view shows that item.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluateViewFxTest {
    @TempDir
    static Path trained;
    static Path template;
    private WorkspaceSession session;
    private FxTaskRunner runner;

    @BeforeAll
    static void trainTinyModel() throws IOException {
        template = TrainingFixtures.workspaceWithComments(trained);
        TrainingFixtures.trainTiny(template, trained.resolve("run"), 4);
    }

    @Start
    void start(Stage stage) throws IOException {
        Path dir = Files.createTempDirectory("kcwb-evaluate-fx");
        Path copy = dir.resolve("ws.kcwb");
        Files.copy(template, copy);
        session = new WorkspaceSession();
        session.open(copy);
        AppSettingsStore store = new AppSettingsStore(dir.resolve("config"));
        store.save(AppSettings.defaults().withAnnotatorName("tester"));
        runner = new FxTaskRunner();
        MainWindow window = new MainWindow(stage, store, runner, WorkbenchViews.standard(), session);
        window.show(I18n.of(Locale.ENGLISH));
        stage.show();
    }

    @AfterEach
    void close() {
        runner.shutdown();
        session.close();
    }

    @Test
    void evaluateClickACellAndFixAMisclassifiedItemInTheLabelView(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-evaluate");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#evaluate-model").queryAs(ComboBox.class).getValue() != null);
        robot.clickOn("#evaluate-run");
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#evaluate-summary").queryAs(Label.class)
                    .getText().startsWith("15 items"));
        } catch (TimeoutException e) {
            throw new AssertionError("summary '" + robot.lookup("#evaluate-summary").queryAs(Label.class).getText()
                    + "', message '" + robot.lookup("#evaluate-message").queryAs(Label.class).getText() + "'", e);
        }
        WaitForAsyncUtils.waitForFxEvents(); // the matrix is built in the same FX event that set the summary
        assertTrue(robot.lookup("#evaluate-summary").queryAs(Label.class).getText().contains("macro-F1"));

        java.util.Set<Node> offDiagonal = robot.lookup(".confusion-off").queryAll();
        Node errorCell = offDiagonal.stream().filter(node -> count(robot, node) > 0).findFirst().orElseThrow(() ->
                new AssertionError("no error cell among " + offDiagonal.stream().map(n -> n.getId() + "=" + count(robot, n)).toList()
                        + "; " + robot.lookup("#evaluate-summary").queryAs(Label.class).getText()));
        long count = count(robot, errorCell);
        robot.clickOn(errorCell);
        @SuppressWarnings("unchecked")
        TableView<ItemResult> cellItems = robot.lookup("#evaluate-cell-items").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cellItems.getItems().size() == count);
        ItemResult chosen = cellItems.getItems().getFirst();
        assertTrue(!chosen.gold().equals(chosen.predicted()), "an off-diagonal cell holds errors");

        robot.interact(() -> cellItems.getSelectionModel().select(0));
        robot.clickOn("#evaluate-fix");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#label-item-info").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("#" + chosen.itemId() + " ")).orElse(false));
        assertTrue(robot.lookup("#view-label").tryQuery().isPresent(), "the labeling view is on screen");
    }

    private static long count(FxRobot robot, Node cell) {
        return Long.parseLong(robot.from(cell).lookup(".confusion-count").queryAs(Label.class).getText());
    }
}
