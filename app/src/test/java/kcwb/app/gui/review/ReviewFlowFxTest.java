package kcwb.app.gui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import kcwb.app.gui.MainWindow;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.review.ReviewRow;
import kcwb.app.service.review.ReviewService;
import kcwb.app.service.train.TrainedWorkspace;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In the real window, on a workspace with a real tiny checkpoint: predict the unlabelled comments, read the queue,
 * bulk-accept after the confirmation dialog, and open the most uncertain comment in the labeling view.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewFlowFxTest {
    private Path workspaceFile;
    private WorkspaceSession session;

    @BeforeAll
    static void trainTheFixtureOffTheFxThread() throws IOException {
        TrainedWorkspace.copyInto(Files.createTempDirectory("kcwb-review-warm"));
    }

    @Start
    void start(Stage stage) throws IOException {
        Path dir = Files.createTempDirectory("kcwb-review-fx");
        workspaceFile = TrainedWorkspace.copyInto(dir);
        session = new WorkspaceSession();
        session.open(workspaceFile);
        AppSettingsStore store = new AppSettingsStore(dir.resolve("config"));
        store.save(AppSettings.defaults().withAnnotatorName("reviewer"));
        new MainWindow(stage, store, new DirectTaskRunner(), WorkbenchViews.standard(), session).show(I18n.of(Locale.ENGLISH));
        stage.show();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void predictReviewBulkAcceptAndOpenAnItem(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-review");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#review-model").queryAs(ComboBox.class).getValue() != null);
        robot.clickOn("#review-predict");
        @SuppressWarnings("unchecked")
        TableView<ReviewRow> table = robot.lookup("#review-table").queryAs(TableView.class);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == TrainedWorkspace.UNLABELLED);
        } catch (TimeoutException e) {
            throw new AssertionError(table.getItems().size() + " rows; message: "
                    + robot.lookup("#review-message").queryAs(Label.class).getText(), e);
        }
        ReviewRow mostUncertain = table.getItems().getFirst();
        assertTrue(table.getItems().stream().allMatch(row -> row.uncertainty() <= mostUncertain.uncertainty()));

        robot.interact(() -> robot.lookup("#review-threshold").queryAs(Spinner.class).getValueFactory().setValue(0.0));
        assertTrue(robot.lookup("#review-accept-preview").queryAs(Label.class).getText()
                .startsWith(TrainedWorkspace.UNLABELLED + " unlabelled items"));
        robot.clickOn("#review-accept");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#review-confirm").tryQuery().isPresent());
        String header = robot.lookup("#review-confirm").queryAs(DialogPane.class).getHeaderText();
        assertTrue(header.startsWith("Label " + TrainedWorkspace.UNLABELLED + " items"), header);
        robot.clickOn("#review-confirm-ok");
        WaitForAsyncUtils.waitForFxEvents();
        String message = robot.lookup("#review-message").queryAs(Label.class).getText();
        assertTrue(message.startsWith("Accepted " + TrainedWorkspace.UNLABELLED + " predictions"), message);

        Node firstRow = robot.lookup("#review-table .table-row-cell").match(node ->
                ((TableRow<?>) node).getIndex() == 0).query();
        robot.doubleClickOn(firstRow);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#label-item-info").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("#" + mostUncertain.itemId() + " ")).orElse(false));
        Node predicted = robot.lookup("#label-button-" + mostUncertain.predictedText()).query();
        assertTrue(predicted.getStyleClass().contains("predicted"), predicted.getStyleClass().toString());
        assertTrue(predicted.getStyleClass().contains("chosen"), "the accepted label is the annotator's now");

        try (Workspace workspace = WorkspaceStore.open(workspaceFile)) {
            var history = workspace.annotations().history(mostUncertain.itemId());
            assertEquals(1, history.size());
            assertTrue(history.getFirst().afterNote().startsWith(ReviewService.NOTE_PREFIX), history.getFirst().afterNote());
        }
    }
}
