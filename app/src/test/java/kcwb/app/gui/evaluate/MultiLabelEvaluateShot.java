package kcwb.app.gui.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import kcwb.app.gui.MainWindow;
import kcwb.app.gui.ScreenshotTour;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.evaluate.LabelOutcome;
import kcwb.app.service.train.TrainRequest;
import kcwb.app.service.train.TrainService;
import kcwb.app.service.train.TrainingFixtures;

/**
 * Writes docs/screenshots/evaluate-multilabel.png: the evaluate view on the test fixtures' multi-label project
 * ("tags") after a real tiny run, one label's 2×2 matrix shown and its largest error cell clicked. Not a test (no
 * JUnit); run under a virtual display after {@code ./mvnw -pl app -am verify}:
 * <pre>
 * . .mvn/find-jdk.sh; xvfb-run -a -s "-screen 0 1400x900x24" "$JAVA_HOME/bin/java" -Dfile.encoding=UTF-8 \
 *   -Dai.djl.offline=true --enable-native-access=ALL-UNNAMED -Dprism.lcdtext=false \
 *   -cp app/target/test-classes:app/target/kcwb-app.jar kcwb.app.gui.evaluate.MultiLabelEvaluateShot docs/screenshots
 * </pre>
 */
public final class MultiLabelEvaluateShot {
    private MultiLabelEvaluateShot() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Path dir = Files.createTempDirectory("kcwb-evaluate-multilabel-shot");
        Path workspace = TrainingFixtures.multiLabelWorkspace(dir);
        new TrainService().run(new TrainRequest(workspace, TrainingFixtures.TAGS, null, null, null, null, null, "tiny",
                null, "quick", b -> b.optLearningRate(3e-3).optEpochs(40).optMaxSteps(180).optBatchSize(8)
                        .optEvalEverySteps(20).optEarlyStopping(100, 0.0).optMetricForBest("micro_f1", true),
                "kcelectra", dir.resolve("run"), null, 42), List.of(), job -> { });
        AppSettingsStore store = new AppSettingsStore(dir.resolve("config"));
        store.save(AppSettings.defaults().withAnnotatorName("김민지"));
        WorkspaceSession session = new WorkspaceSession();
        session.open(workspace);
        Platform.startup(() -> {});
        Scene scene = ScreenshotTour.onFx(() -> {
            MainWindow window = new MainWindow(new Stage(), store, new DirectTaskRunner(), WorkbenchViews.standard(), session);
            window.show(I18n.of(Locale.KOREAN));
            ((Stage) window.scene().getWindow()).show();
            window.viewModel().showView("evaluate");
            ((Button) window.scene().lookup("#evaluate-run")).fire(); // DirectTaskRunner: done on return
            showTheLabelWithTheMostErrors(window.scene());
            return window.scene();
        });
        System.out.println("wrote " + ScreenshotTour.snapshot(scene, out.resolve("evaluate-multilabel.png")));
        session.close();
        Platform.exit();
    }

    private static void showTheLabelWithTheMostErrors(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        @SuppressWarnings("unchecked")
        TableView<EvaluateViewModel.ClassRow> classes = (TableView<EvaluateViewModel.ClassRow>) scene.lookup("#evaluate-classes");
        int best = 0;
        long most = -1;
        for (int row = 0; row < classes.getItems().size(); row++) {
            classes.getSelectionModel().select(row);
            long errors = count(scene, LabelOutcome.FALSE_NEGATIVE) + count(scene, LabelOutcome.FALSE_POSITIVE);
            if (errors > most) {
                most = errors;
                best = row;
            }
        }
        classes.getSelectionModel().select(best);
        LabelOutcome cell = java.util.stream.Stream.of(LabelOutcome.FALSE_NEGATIVE, LabelOutcome.FALSE_POSITIVE)
                .max(Comparator.comparingLong(o -> count(scene, o))).orElseThrow();
        scene.lookup("#evaluate-label-cell-" + LabelConfusionPane.cssName(cell)).getOnMouseClicked().handle(null);
    }

    private static long count(Scene scene, LabelOutcome outcome) {
        var label = (javafx.scene.control.Label) scene.lookup("#evaluate-label-cell-" + LabelConfusionPane.cssName(outcome))
                .lookup(".confusion-count");
        return Long.parseLong(label.getText());
    }
}
