package kcwb.app.gui.evaluate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
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
    private EvaluateWindow window;

    @BeforeAll
    static void trainTinyModel() throws IOException {
        template = TrainingFixtures.workspaceWithComments(trained);
        TrainingFixtures.trainTiny(template, trained.resolve("run"), 4);
    }

    @Start
    void start(Stage stage) throws IOException {
        window = new EvaluateWindow(stage, template);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void evaluateClickACellAndFixAMisclassifiedItemInTheLabelView(FxRobot robot) throws TimeoutException {
        EvaluateWindow.evaluate(robot, "15 items");
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
