package kcwb.app.gui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import kcwb.app.gui.MainWindow;
import kcwb.app.gui.chart.MetricChart;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.item.NewItem;
import kcwb.storage.item.Split;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.run.Run;
import kcwb.storage.run.RunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real from-scratch tiny ELECTRA trained from the Train view on a small workspace: start, the loss chart
 * receives points, stop (a resumable checkpoint), resume, finish.
 */
@ExtendWith(ApplicationExtension.class)
class TrainViewFxTest {
    private static final List<String> PRAISE = List.of("정말 좋은 기사네요", "기자님 최고입니다", "좋은 정보 감사합니다",
            "응원합니다 화이팅", "이런 기사 좋아요", "감동적인 이야기네요", "최고의 선수입니다", "멋진 경기였어요",
            "훌륭한 분석 감사해요", "좋은 소식이네요 ㅎㅎ", "대박 멋지다", "사랑합니다 최고");
    private static final List<String> INSULT = List.of("기레기 수준 하고는", "이게 기사냐 ㅉㅉ", "한심한 인간들",
            "머리가 있긴 하냐", "쓰레기 같은 댓글", "진짜 멍청하네", "수준 떨어진다", "꺼져라 진짜",
            "역겨운 기사다", "답이 없다 한심", "무식한 소리 하네", "창피한 줄 알아라");
    private static final List<String> NEUTRAL = List.of("몇 시에 시작해요", "내일 날씨는 어떤가요", "경기 결과 나왔나요",
            "어디서 볼 수 있나요", "가격이 얼마예요", "다음 회차는 언제죠", "출처가 어디인가요", "오늘 몇 명 왔나요",
            "자세한 내용은 링크에", "발표는 다음 주래요", "서울 기준인가요", "시간 변경됐나요");

    private Path dir;
    private WorkspaceSession session;

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("kcwb-trainview");
        session = new WorkspaceSession();
        session.openOrInit(dir.resolve("train.kcwb"), workspace -> {
            Project project = workspace.projects().create("comments", TaskType.SINGLE_LABEL);
            List.of("praise", "insult", "neutral").forEach(label -> workspace.labels().add(project.id(), label));
            for (List<String> texts : List.of(PRAISE, INSULT, NEUTRAL)) {
                String label = texts == PRAISE ? "praise" : texts == INSULT ? "insult" : "neutral";
                for (int i = 0; i < texts.size(); i++) {
                    Split split = i < 10 ? Split.TRAIN : Split.DEV;
                    long id = workspace.items().insert(project.id(), new NewItem(texts.get(i), "test", null, null, split, null));
                    workspace.annotations().save(id, "tester", List.of(label), null);
                }
            }
        });
        AppSettingsStore store = new AppSettingsStore(dir.resolve("config"));
        store.save(AppSettings.defaults().withAnnotatorName("tester"));
        MainWindow window = new MainWindow(stage, store, new DirectTaskRunner(), WorkbenchViews.standard(), session);
        window.show(I18n.of(Locale.ENGLISH));
        stage.setWidth(1200);
        stage.setHeight(780);
        stage.show();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void startStopResumeFinishWithARealTinyModel(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-train");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "comments".equals(project(robot)));
        assertTrue(labelTexts(robot, "#train-splits").containsAll(List.of("praise", "insult", "neutral", "30", "6")),
                "train/dev counts: " + labelTexts(robot, "#train-splits"));
        robot.interact(() -> {
            field(robot, "epochs").setText("5");
            field(robot, "maxLength").setText("32");
            field(robot, "batchSize").setText("4");
            field(robot, "learningRate").setText("0.0005");
            field(robot, "evalEvery").setText("0");
            field(robot, "patience").setText("0");
        });
        Button start = robot.lookup("#train-start").queryButton();
        assertFalse(start.isDisabled());
        robot.interact(() -> field(robot, "batchSize").setText("0"));
        assertTrue(start.isDisabled(), "an invalid field disables Start");
        assertFalse(robot.lookup("#train-error-batchSize").queryAs(Label.class).getText().isEmpty());
        robot.interact(() -> field(robot, "batchSize").setText("4"));

        long startAt = System.nanoTime();
        robot.clickOn(start);
        MetricChart loss = robot.lookup("#train-chart-loss").queryAs(MetricChart.class);
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> loss.series().getFirst().size() >= 1);
        assertTrue(labelText(robot, "#train-device").startsWith("CPU, "), labelText(robot, "#train-device"));

        robot.clickOn("#train-stop");
        Button resume = robot.lookup("#train-resume").queryButton();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !resume.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        String stopped = labelText(robot, "#train-message");
        assertTrue(stopped.startsWith("Stopped at step "), stopped);
        Path runDir = Path.of(robot.lookup("#train-out").queryAs(TextField.class).getText());
        String checkpointName = stopped.substring(stopped.indexOf("checkpoint-")).split(" ")[0];
        assertTrue(Files.isRegularFile(runDir.resolve(checkpointName).resolve("model.safetensors")),
                "the stop left a checkpoint in " + runDir + ": " + stopped);
        long stoppedAt = Long.parseLong(checkpointName.substring("checkpoint-".length()));
        assertTrue(stoppedAt < 40, "stopped before the end: " + stopped);

        long stopAt = System.nanoTime();
        robot.clickOn(resume);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !start.isDisabled()); // the run ended, one way or another
        WaitForAsyncUtils.waitForFxEvents();
        System.err.printf("TrainViewFxTest: start→stopped %.1f s, resume→end %.1f s%n", (stopAt - startAt) / 1e9,
                (System.nanoTime() - stopAt) / 1e9);
        assertTrue(labelText(robot, "#train-message").startsWith("Finished"), labelText(robot, "#train-message"));
        assertEquals("Step 40 / 40", labelText(robot, "#train-step"), "30 rows / batch 4 = 8 steps × 5 epochs");
        assertTrue(loss.series().getFirst().raw().lastStep() == 40, "the chart went on from the checkpoint");
        List<Run> runs = session.call(ws -> ws.runs().list(ws.projects().require("comments").id()));
        assertEquals(1, runs.size(), "the resume continued the stopped run's own row: " + runs);
        assertEquals(RunState.FINISHED, runs.getFirst().state(), runs.toString());
    }

    private static TextField field(FxRobot robot, String key) {
        return robot.lookup("#train-field-" + key).queryAs(TextField.class);
    }

    private static String project(FxRobot robot) {
        var box = robot.lookup("#train-project").queryAs(ComboBox.class);
        return box.getValue() == null ? null : ((Project) box.getValue()).name();
    }

    private static String labelText(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static List<String> labelTexts(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(javafx.scene.layout.GridPane.class).getChildrenUnmodifiable().stream()
                .map(node -> ((Label) node).getText()).toList();
    }
}
