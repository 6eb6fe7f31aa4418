package kcwb.app.gui.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kcwb.app.gui.MainWindow;
import kcwb.app.gui.common.FxTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.WorkspaceSession;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window (English) on a copy of a trained workspace, for the evaluate view's TestFX tests. */
final class EvaluateWindow implements AutoCloseable {
    private final WorkspaceSession session = new WorkspaceSession();
    private final FxTaskRunner runner = new FxTaskRunner();

    /** Copies {@code template} (the original stays clean for the next test) and shows the window on the copy. */
    EvaluateWindow(Stage stage, Path template) throws IOException {
        Path dir = Files.createTempDirectory("kcwb-evaluate-fx");
        Path copy = dir.resolve(template.getFileName());
        Files.copy(template, copy);
        session.open(copy);
        AppSettingsStore store = new AppSettingsStore(dir.resolve("config"));
        store.save(AppSettings.defaults().withAnnotatorName("tester"));
        MainWindow window = new MainWindow(stage, store, runner, WorkbenchViews.standard(), session);
        window.show(I18n.of(Locale.ENGLISH));
        stage.show();
    }

    /** Opens the evaluate view, waits for a preselected model, runs the evaluation and waits for its summary. */
    static void evaluate(FxRobot robot, String summaryStart) throws TimeoutException {
        robot.clickOn("#nav-evaluate");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#evaluate-model").queryAs(ComboBox.class).getValue() != null);
        robot.clickOn("#evaluate-run");
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#evaluate-summary").queryAs(Label.class)
                    .getText().startsWith(summaryStart));
        } catch (TimeoutException e) {
            throw new AssertionError("summary '" + robot.lookup("#evaluate-summary").queryAs(Label.class).getText()
                    + "', message '" + robot.lookup("#evaluate-message").queryAs(Label.class).getText() + "'", e);
        }
        WaitForAsyncUtils.waitForFxEvents(); // the matrices are built in the same FX event that set the summary
    }

    @Override
    public void close() {
        runner.shutdown();
        session.close();
    }
}
