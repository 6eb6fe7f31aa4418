package kcwb.app.gui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import kcwb.app.gui.MainWindow;
import kcwb.app.gui.common.FxTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.item.NewItem;
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
 * With the app's real threaded task runner, keys typed faster than storage answers are each applied to the
 * next item in turn: none lost, none applied twice to the same item.
 */
@ExtendWith(ApplicationExtension.class)
class LabelViewFxTest {
    private Path file;
    private WorkspaceSession session;
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) throws IOException {
        Path dir = Files.createTempDirectory("kcwb-labelview");
        file = dir.resolve("fast.kcwb");
        session = new WorkspaceSession();
        session.openOrInit(file, w -> {
            long id = w.projects().create("fast", TaskType.SINGLE_LABEL).id();
            List.of("hate", "offensive", "none").forEach(label -> w.labels().add(id, label));
            for (int i = 0; i < 30; i++) {
                w.items().insert(id, NewItem.of("빠른 댓글 " + i));
            }
        });
        AppSettingsStore store = new AppSettingsStore(dir.resolve("config"));
        store.save(AppSettings.defaults().withAnnotatorName("speedy"));
        runner = new FxTaskRunner();
        MainWindow window = new MainWindow(stage, store, runner, WorkbenchViews.standard(), session);
        window.show(I18n.of(Locale.ENGLISH));
        window.viewModel().showView("label");
        stage.show();
    }

    @AfterEach
    void close() {
        runner.shutdown();
        session.close();
    }

    @Test
    void fastTypingLabelsConsecutiveItemsInOrder(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#label-progress").queryAs(Label.class)
                .getText().equals("Labelled 0 of 30 (30 left)"));
        robot.clickOn("#label-item-info");
        KeyCode[] keys = {KeyCode.DIGIT3, KeyCode.DIGIT1, KeyCode.NUMPAD2};
        for (int i = 0; i < 12; i++) {
            robot.type(keys[i % 3]);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#label-progress").queryAs(Label.class)
                .getText().equals("Labelled 12 of 30 (18 left)"));
        String[] expected = {"none", "hate", "offensive"};
        try (Workspace workspace = WorkspaceStore.open(file)) {
            long project = workspace.projects().require("fast").id();
            long first = workspace.items().page(project, 0, 1).getFirst().id();
            for (int i = 0; i < 12; i++) {
                assertEquals(List.of(expected[i % 3]), workspace.annotations().find(first + i, "speedy").orElseThrow().labels());
            }
            assertEquals(18, workspace.items().countUnlabeled(project));
        }
    }
}
