package kcwb.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** First start (no settings file): the app asks for the annotator name and stores it. */
@ExtendWith(ApplicationExtension.class)
class FirstStartFxTest {
    private Path configDir;

    @Start
    void start(Stage stage) throws IOException {
        configDir = Files.createTempDirectory("kcwb-firststart");
        MainWindow window = new MainWindow(stage, new AppSettingsStore(configDir), new DirectTaskRunner(),
                WorkbenchViews.standard());
        window.show(I18n.of(Locale.KOREAN));
        stage.show();
        window.askAnnotatorNameIfMissing();
    }

    @Test
    void askedNameIsValidatedThenSavedAndShownInTheStatusBar(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#annotator-name").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Node ok = pane.lookupButton(ButtonType.OK);
        assertTrue(ok.isDisabled(), "OK is disabled while the name is empty");
        robot.clickOn("#annotator-name").write("minji");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!ok.isDisabled());
        robot.clickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("minji", new AppSettingsStore(configDir).load().annotatorName());
        assertEquals("작업자: minji", robot.lookup("#status-annotator").queryAs(Label.class).getText());
    }
}
