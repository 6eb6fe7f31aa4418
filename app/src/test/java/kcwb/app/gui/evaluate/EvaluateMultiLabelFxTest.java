package kcwb.app.gui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The multi-label error→relabel loop in the real window with a REAL tiny multi-label checkpoint: evaluate, pick a
 * label in the per-label table, its 2×2 matrix appears (four cells that add up to the evaluated comments), click a
 * non-empty error cell (missed or wrongly flagged), its comments are listed, and Fix label opens one in the label view.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluateMultiLabelFxTest {
    private static final String[] CELLS = {"true-positive", "false-negative", "false-positive", "true-negative"};
    @TempDir
    static Path trained;
    static Path template;
    private EvaluateWindow window;

    @BeforeAll
    static void trainTinyModel() throws IOException {
        template = TrainingFixtures.multiLabelWorkspace(trained);
        TrainingFixtures.trainTiny(template, TrainingFixtures.TAGS, trained.resolve("run"), 4);
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
    void pickALabelClickItsMissedOrWronglyFlaggedCellAndFixOneInTheLabelView(FxRobot robot) throws TimeoutException {
        EvaluateWindow.evaluate(robot, "15 items");
        assertTrue(robot.lookup("#evaluate-label-matrix").tryQuery().isEmpty(), "no label chosen yet: no 2×2");

        @SuppressWarnings("unchecked")
        TableView<EvaluateViewModel.ClassRow> classes = robot.lookup("#evaluate-classes").queryAs(TableView.class);
        Node errorCell = null;
        for (int row = 0; row < classes.getItems().size() && errorCell == null; row++) {
            int chosen = row;
            robot.interact(() -> classes.getSelectionModel().select(chosen));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#evaluate-label-matrix").tryQuery().isPresent());
            long total = 0;
            for (String cell : CELLS) {
                total += count(robot, robot.lookup("#evaluate-label-cell-" + cell).query());
            }
            assertEquals(15, total, "the four cells of " + classes.getItems().get(row).label() + " cover every comment");
            assertEquals(classes.getItems().get(row).support(), count(robot, robot.lookup("#evaluate-label-cell-true-positive").query())
                    + count(robot, robot.lookup("#evaluate-label-cell-false-negative").query()), "TP + FN = support");
            for (String wrong : new String[] {"false-negative", "false-positive"}) {
                Node cell = robot.lookup("#evaluate-label-cell-" + wrong).query();
                if (errorCell == null && count(robot, cell) > 0) {
                    errorCell = cell;
                }
            }
        }
        assertTrue(errorCell != null, "a 4-step tiny model misses or wrongly flags some label");
        String label = classes.getSelectionModel().getSelectedItem().label();
        boolean missed = errorCell.getId().endsWith("false-negative");
        long count = count(robot, errorCell);
        robot.clickOn(errorCell);
        @SuppressWarnings("unchecked")
        TableView<ItemResult> cellItems = robot.lookup("#evaluate-cell-items").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cellItems.getItems().size() == count);
        for (ItemResult item : cellItems.getItems()) {
            assertEquals(missed, item.gold().contains(label), item.toString());
            assertEquals(!missed, item.predicted().contains(label), item.toString());
        }
        ItemResult chosen = cellItems.getItems().getFirst();
        robot.interact(() -> cellItems.getSelectionModel().select(0));
        robot.clickOn("#evaluate-fix");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#label-item-info").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("#" + chosen.itemId() + " ")).orElse(false));
    }

    private static long count(FxRobot robot, Node cell) {
        return Long.parseLong(robot.from(cell).lookup(".confusion-count").queryAs(Label.class).getText());
    }
}
