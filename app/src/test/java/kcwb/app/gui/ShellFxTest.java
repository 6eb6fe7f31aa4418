package kcwb.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.FxTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window headless (Monocle): navigation, language switch, status bar, task runner. */
@ExtendWith(ApplicationExtension.class)
class ShellFxTest {
    private MainWindow window;
    private FxTaskRunner taskRunner;
    private Path configDir;

    @Start
    void start(Stage stage) throws IOException {
        configDir = Files.createTempDirectory("kcwb-fxtest");
        AppSettingsStore store = new AppSettingsStore(configDir);
        store.save(AppSettings.defaults().withAnnotatorName("테스터"));
        taskRunner = new FxTaskRunner();
        window = new MainWindow(stage, store, taskRunner, WorkbenchViews.standard());
        window.show(I18n.of(Locale.ENGLISH));
        stage.show();
    }

    @AfterEach
    void stopRunner() {
        taskRunner.shutdown();
    }

    @Test
    void startsOnThePreviewViewWithEnglishNavigation(FxRobot robot) {
        assertTrue(robot.lookup("#view-preview").tryQuery().isPresent());
        assertEquals("Preview", robot.lookup("#nav-preview").queryAs(ToggleButton.class).getText());
        assertTrue(robot.lookup("#nav-preview").queryAs(ToggleButton.class).isSelected());
        javafx.scene.control.ComboBox<?> projects = robot.lookup("#project-switcher").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals(I18n.of(Locale.ENGLISH).get("shell.project.tooltip"), projects.getTooltip().getText());
    }

    @Test
    void clickingTheNavigationSwitchesViews(FxRobot robot) {
        robot.clickOn("#nav-items");
        assertTrue(robot.lookup("#view-items").tryQuery().isPresent());
        assertTrue(robot.lookup("#view-preview").tryQuery().isEmpty(), "only one view on screen");
        TableView<?> table = robot.lookup("#items-table").queryAs(TableView.class);
        assertTrue(table.getItems().isEmpty(), "no workspace is open in this test");
        robot.clickOn("#nav-train");
        assertTrue(robot.lookup("#view-train").tryQuery().isPresent());
        assertEquals("train", window.viewModel().selectedViewProperty().get());
        assertTrue(robot.lookup("#nav-train").queryAs(ToggleButton.class).isSelected());
        assertTrue(!robot.lookup("#nav-items").queryAs(ToggleButton.class).isSelected());
    }

    @Test
    void controlDigitJumpsToTheViewInNavigationOrder(FxRobot robot) {
        robot.clickOn("#nav-preview");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("items", window.viewModel().selectedViewProperty().get());
        assertTrue(robot.lookup("#view-items").tryQuery().isPresent());
    }

    @Test
    void theViewMenuSwitchesToKoreanAndKeepsTheView(FxRobot robot) {
        robot.clickOn("#nav-label");
        robot.clickOn("View").clickOn("Language").clickOn("#menu-language-ko");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("미리보기", robot.lookup("#nav-preview").queryAs(ToggleButton.class).getText());
        assertEquals("라벨링", robot.lookup("#nav-label").queryAs(ToggleButton.class).getText());
        assertTrue(robot.lookup("#view-label").tryQuery().isPresent());
        assertEquals("작업자: 테스터", robot.lookup("#status-annotator").queryAs(Label.class).getText());
        assertEquals("ko", new AppSettingsStore(configDir).load().language());
    }

    @Test
    void statusBarShowsARunningTaskAndItsCallbackRunsOnTheFxThread(FxRobot robot)
            throws InterruptedException, TimeoutException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        taskRunner.submit(BackgroundTask.of("Importing demo", progress -> {
            progress.update(1, 4);
            progress.message("row 1");
            release.await(5, TimeUnit.SECONDS);
            return "ok";
        }).onSuccess(value -> {
            result.set(value + (Platform.isFxApplicationThread() ? " on fx" : " elsewhere"));
            done.countDown();
        }));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "Importing demo — row 1".equals(robot.lookup("#status-task").queryAs(Label.class).getText()));
        Node progress = robot.lookup("#status-progress").query();
        assertTrue(progress.isVisible());
        release.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals("ok on fx", result.get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#status-progress").query().isVisible());
    }

    @Test
    void anOpenedWorkspaceIsShownAndListedUnderRecent(FxRobot robot) throws IOException, TimeoutException {
        Path workspace = Files.createFile(configDir.resolve("demo.kcwb"));
        String shown = workspace.toAbsolutePath().toString();
        robot.interact(() -> window.viewModel().openWorkspace(workspace));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> ("Workspace: " + shown).equals(robot.lookup("#status-message").queryAs(Label.class).getText()));
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        Menu recent = (Menu) bar.getMenus().getFirst().getItems().stream()
                .filter(item -> "menu-recent".equals(item.getId())).findFirst().orElseThrow();
        assertEquals(List.of(shown), recent.getItems().stream().map(MenuItem::getText).toList());
    }

    @Test
    void aFailingTaskReportsItsExceptionOnTheFxThread() throws InterruptedException {
        AtomicReference<String> seen = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        taskRunner.submit(BackgroundTask.of("Broken", progress -> {
            throw new IOException("comments.tsv:7: unterminated quote");
        }).onSuccess(value -> seen.set("success")).onFailure(error -> {
            seen.set(error.getMessage() + (Platform.isFxApplicationThread() ? " on fx" : " elsewhere"));
            done.countDown();
        }));
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals("comments.tsv:7: unterminated quote on fx", seen.get());
    }

    @Test
    void cancelInTheStatusBarStopsTheTask(FxRobot robot) throws TimeoutException, InterruptedException {
        CountDownLatch cancelled = new CountDownLatch(1);
        taskRunner.submit(BackgroundTask.of("Long job", progress -> {
            while (!progress.isCancelled()) {
                Thread.sleep(10);
            }
            return null;
        }).onCancelled(cancelled::countDown));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#status-cancel").query().isVisible());
        robot.clickOn("#status-cancel");
        assertTrue(cancelled.await(5, TimeUnit.SECONDS));
    }
}
