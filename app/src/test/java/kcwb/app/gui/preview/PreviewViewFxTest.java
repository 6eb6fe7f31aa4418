package kcwb.app.gui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import kcwb.app.gui.MainWindow;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window headless: the preview is the first screen and reacts to typing and rule toggles. */
@ExtendWith(ApplicationExtension.class)
class PreviewViewFxTest {
    private static final String COMMENT = "ㅋㅋㅋㅋ 뷁 대박 😂 https://a.com 이다";

    @Start
    void start(Stage stage) throws IOException {
        AppSettingsStore store = new AppSettingsStore(Files.createTempDirectory("kcwb-preview-fxtest"));
        store.save(AppSettings.defaults().withAnnotatorName("테스터"));
        MainWindow window = new MainWindow(stage, store, new DirectTaskRunner(), WorkbenchViews.standard());
        window.show(I18n.of(Locale.ENGLISH));
        stage.show();
    }

    @Test
    void startsWithSeedCommentsAndTheirTokens(FxRobot robot) {
        assertTrue(robot.lookup("#view-preview").tryQuery().isPresent());
        assertEquals(5, robot.lookup("#preview-comments").queryAs(ListView.class).getItems().size());
        assertFalse(chips(robot).isEmpty(), "the demo tokenizer encoded the first seed comment");
    }

    @Test
    void typedCommentIsCleanedAndTokenizedAndARuleToggleChangesIt(FxRobot robot) {
        TextArea input = robot.lookup("#preview-input").queryAs(TextArea.class);
        robot.interact(input::clear);
        robot.clickOn(input);
        robot.write(COMMENT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(COMMENT, input.getText());
        assertEquals("ㅋㅋ 뷁 대박 이다", flowText(robot, "#preview-cleaned"));

        List<Label> chips = chips(robot);
        assertEquals(List.of("[CLS]", "ㅋㅋ", "[UNK]", "대박", "이", "##다", "[SEP]"), chips.stream().map(Label::getText).toList());
        List<Label> unknown = chips.stream().filter(chip -> chip.getStyleClass().contains("token-unk")).toList();
        assertEquals(1, unknown.size());
        assertEquals("[UNK]", unknown.getFirst().getText());
        assertTrue(robot.lookup("#preview-counts").queryAs(Label.class).getText().startsWith("Tokens: 7  ·  [UNK]: 1"));

        // the emoji is struck out in the original, in the colour of the rule that removed it
        Text emoji = robot.lookup("#preview-original").queryAs(TextFlow.class).getChildren().stream()
                .map(Text.class::cast).filter(text -> text.getText().contains("face with tears of joy")).findFirst().orElseThrow();
        assertTrue(emoji.getStyleClass().contains("removed"), emoji.getStyleClass().toString());

        robot.clickOn("#rule-repeat-normalize");
        assertFalse(robot.lookup("#rule-repeat-normalize").queryAs(CheckBox.class).isSelected());
        assertEquals("ㅋㅋㅋㅋ 뷁 대박 이다", flowText(robot, "#preview-cleaned"));
        assertEquals("custom", robot.lookup("#preview-recipe").queryAs(ComboBox.class).getValue());

        robot.moveTo(chips(robot).stream().filter(chip -> chip.getText().equals("대박")).findFirst().orElseThrow());
        Text focused = robot.lookup("#preview-cleaned").queryAs(TextFlow.class).getChildren().stream()
                .map(Text.class::cast).filter(text -> text.getStyleClass().contains("token-focus")).findFirst().orElseThrow();
        assertEquals("대박", focused.getText());
        robot.moveTo(chips(robot).stream().filter(chip -> chip.getText().equals("[UNK]")).findFirst().orElseThrow());
        Text unknownSource = robot.lookup("#preview-cleaned").queryAs(TextFlow.class).getChildren().stream()
                .map(Text.class::cast).filter(text -> text.getStyleClass().contains("token-focus")).findFirst().orElseThrow();
        assertEquals("뷁", unknownSource.getText(), "the [UNK] chip points at the source it replaced");
    }

    private static List<Label> chips(FxRobot robot) {
        return robot.lookup("#preview-tokens").queryAs(FlowPane.class).getChildren().stream()
                .map(Label.class::cast).filter(label -> label.getStyleClass().contains("token-chip")).toList();
    }

    private static String flowText(FxRobot robot, String id) {
        StringBuilder out = new StringBuilder();
        for (Node node : robot.lookup(id).queryAs(TextFlow.class).getChildren()) {
            out.append(((Text) node).getText());
        }
        return out.toString();
    }
}
