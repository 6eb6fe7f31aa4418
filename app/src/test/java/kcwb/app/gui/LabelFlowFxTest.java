package kcwb.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.annotation.AnnotationChange;
import kcwb.storage.io.ImportProblem;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The annotator's day in the real window: a new workspace with a project, import a TSV with bad rows and read
 * the report, label 20 comments with the digit keys, undo twice, filter the item table; then the workspace
 * file, opened on its own connection, must hold exactly that.
 */
@ExtendWith(ApplicationExtension.class)
class LabelFlowFxTest {
    private static final int ROWS = 30;
    private Path dir;
    private Path workspaceFile;
    private Path tsv;
    private WorkspaceSession session;

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("kcwb-labelflow");
        workspaceFile = dir.resolve("flow.kcwb");
        tsv = dir.resolve("comments.tsv");
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= ROWS; i++) {
            file.append("댓글 번호 ").append(i).append(" ㅋㅋ\t\n");
        }
        file.append("\tnone\n");                             // line 31: empty text
        file.append("라벨이 이상한 댓글\tnot-a-label\n");     // line 32: unknown label, labels not created
        file.append("열이\t너무\t많음\n");                    // line 33: wrong column count
        Files.writeString(tsv, file, StandardCharsets.UTF_8);
        session = new WorkspaceSession();
        session.openOrInit(workspaceFile, workspace -> {
            Project project = workspace.projects().create("flow", TaskType.SINGLE_LABEL);
            List.of("hate", "offensive", "none").forEach(label -> workspace.labels().add(project.id(), label));
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
    void importLabelUndoFilterAndStorageHoldsIt(FxRobot robot) throws TimeoutException {
        // import with bad rows: the report lists them by line
        robot.clickOn("#nav-items");
        robot.clickOn("#items-import");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#import-file").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#import-file").queryAs(TextField.class).setText(tsv.toString());
            robot.lookup("#import-create-labels").queryAs(javafx.scene.control.CheckBox.class).setSelected(false);
        });
        robot.clickOn("#import-preview");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, robot.lookup("#import-preview-lines").queryListView().getItems().size());
        robot.clickOn("#import-run");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<ImportProblem> problems = robot.lookup("#import-problems").queryAs(TableView.class);
        assertEquals(List.of(31L, 32L, 33L), problems.getItems().stream().map(ImportProblem::line).toList(),
                robot.lookup("#import-summary").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#import-summary").queryAs(Label.class).getText().contains("30 imported"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        // label 20 comments with the keyboard, then undo twice
        robot.clickOn("#nav-label");
        robot.clickOn("#label-item-info");
        for (int i = 0; i < 20; i++) {
            robot.type(i % 3 == 0 ? KeyCode.DIGIT1 : i % 3 == 1 ? KeyCode.DIGIT2 : KeyCode.DIGIT3);
        }
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Labelled 18 of 30 (12 left)", robot.lookup("#label-progress").queryAs(Label.class).getText());

        // filter the table: the annotator's items, then the unlabelled ones
        robot.clickOn("#nav-items");
        robot.clickOn("#items-filter-annotator").write("tester");
        robot.clickOn("#items-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(18, robot.lookup("#items-table").queryTableView().getItems().size());
        robot.interact(() -> robot.lookup("#items-filter-annotator").queryAs(TextField.class).setText(""));
        robot.clickOn("#items-filter-unlabeled");
        robot.clickOn("#items-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, robot.lookup("#items-table").queryTableView().getItems().size());

        // what storage holds, read through a second connection
        try (Workspace workspace = WorkspaceStore.open(workspaceFile)) {
            Project project = workspace.projects().require("flow");
            assertEquals(ROWS, workspace.items().count(project.id()));
            assertEquals(12, workspace.items().countUnlabeled(project.id()));
            long firstId = workspace.items().page(project.id(), 0, 1).getFirst().id();
            String[] expected = {"hate", "offensive", "none"};
            for (int i = 0; i < 18; i++) {
                assertEquals(List.of(expected[i % 3]), workspace.annotations().find(firstId + i, "tester").orElseThrow().labels(),
                        "item " + (firstId + i));
            }
            assertTrue(workspace.annotations().find(firstId + 18, "tester").isEmpty(), "undone");
            assertTrue(workspace.annotations().find(firstId + 19, "tester").isEmpty(), "undone");
            List<AnnotationChange> history = workspace.annotations().history(firstId + 19);
            assertEquals(List.of(AnnotationChange.Kind.EDIT, AnnotationChange.Kind.UNDO),
                    history.stream().map(AnnotationChange::kind).toList());
        }
    }
}
