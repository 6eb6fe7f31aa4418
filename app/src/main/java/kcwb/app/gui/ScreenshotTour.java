package kcwb.app.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.EmojiText;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchView;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.DemoWorkspace;
import kcwb.app.service.WorkspaceSession;

/**
 * Writes a PNG of every main view: {@code <view>.png} in Korean and {@code <view>-en.png} in English, plus
 * {@code label-dark.png} (dark theme) and {@code train-dashboard.png} (a real run, mid-training).
 * Run under a real (virtual) display: {@code docs/screenshots/make.sh} (xvfb-run). Uses a throw-away config
 * dir, so the user's settings are never touched. {@code --emoji-check} also writes emoji-check.png, which
 * shows how JavaFX draws emoji glyphs next to the {@link EmojiText} name fallback.
 */
public final class ScreenshotTour {
    private static final long SETTLE_MILLIS = 600;

    private ScreenshotTour() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of("docs/screenshots");
        boolean emojiCheck = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--emoji-check" -> emojiCheck = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; usage: ScreenshotTour [--out DIR] [--emoji-check]");
            }
        }
        Files.createDirectories(out);
        List<Path> written = run(out, emojiCheck);
        written.forEach(path -> System.out.println("wrote " + path));
        Platform.exit();
    }

    static List<Path> run(Path out, boolean emojiCheck) throws Exception {
        Path config = Files.createTempDirectory("kcwb-screenshots");
        AppSettingsStore store = new AppSettingsStore(config);
        Path demo = DemoWorkspace.defaultFile(store);
        store.save(AppSettings.defaults().withAnnotatorName("김민지").withRecentWorkspace(demo.toString()));
        WorkspaceSession session = new WorkspaceSession();
        session.openOrInit(demo, DemoWorkspace::fill);
        labelSomeAsMinji(session);
        kcwb.app.gui.runs.DemoRuns.train(demo, config.resolve("runs")); // real runs for the runs view to list and compare
        trainEvaluateDemo(demo, config.resolve("runs").resolve("demo-tiny")); // the newest run: evaluate and review preselect it
        // the review view's queue: predictions of the run the review view preselects (demo-tiny), not of a run of its own
        kcwb.app.gui.review.ReviewDemo.prepare(session, config.resolve("review-run"));
        Platform.startup(() -> {});
        Platform.setImplicitExit(false);
        List<WorkbenchView> views = WorkbenchViews.standard();
        MainWindow window = onFx(() -> {
            MainWindow created = new MainWindow(new Stage(), store, new DirectTaskRunner(), views, session);
            created.show(I18n.of(Locale.KOREAN));
            Stage stage = (Stage) created.scene().getWindow();
            stage.show();
            return created;
        });
        List<Path> written = new ArrayList<>();
        for (Locale locale : List.of(Locale.KOREAN, Locale.ENGLISH)) {
            onFx(() -> window.show(I18n.of(locale)));
            for (WorkbenchView view : views) {
                onFx(() -> {
                    window.viewModel().showView(view.id());
                    return null;
                });
                if (view.id().equals("evaluate")) {
                    onFx(() -> showAnEvaluation(window.scene()));
                }
                Path file = out.resolve(view.id() + (locale == Locale.KOREAN ? "" : "-en") + ".png");
                written.add(snapshot(window.scene(), file));
            }
        }
        written.addAll(runsCompared(window, out));
        onFx(() -> {
            window.show(I18n.of(Locale.KOREAN));
            window.viewModel().showView("label");
            window.viewModel().darkThemeProperty().set(true);
            return null;
        });
        written.add(snapshot(window.scene(), out.resolve("label-dark.png")));
        onFx(() -> {
            window.viewModel().darkThemeProperty().set(false);
            return null;
        });
        written.addAll(kcwb.app.gui.train.TrainTourShots.midTraining(window, out));
        if (emojiCheck) {
            written.add(emojiCheck(out.resolve("emoji-check.png")));
        }
        return written;
    }

    /** The runs view with the two demo runs compared: runs-compare.png (Korean) and runs-compare-en.png. */
    private static List<Path> runsCompared(MainWindow window, Path out) throws Exception {
        List<Path> files = new ArrayList<>();
        for (Locale locale : List.of(Locale.KOREAN, Locale.ENGLISH)) {
            onFx(() -> {
                window.show(I18n.of(locale));
                window.viewModel().showView("runs");
                window.scene().getRoot().applyCss(); // split panes create their children in the skin
                window.scene().getRoot().layout();
                var table = (javafx.scene.control.TableView<?>) window.scene().lookup("#runs-table");
                table.getSelectionModel().selectRange(0, 2);
                ((javafx.scene.control.Button) window.scene().lookup("#runs-compare")).fire();
                return null;
            });
            files.add(snapshot(window.scene(), out.resolve("runs-compare" + (locale == Locale.KOREAN ? "" : "-en") + ".png")));
        }
        return files;
    }

    /**
     * A from-scratch run that learns more than "none" (lr 2e-3, up to 240 steps, no early stop: a minute or two on
     * 2 cores), so the evaluate view's matrix has errors in several cells.
     */
    private static void trainEvaluateDemo(Path demo, Path out) throws IOException {
        new kcwb.app.service.train.TrainService().run(new kcwb.app.service.train.TrainRequest(demo, DemoWorkspace.PROJECT,
                null, null, null, null, null, "tiny", null, "quick", b -> b.optLearningRate(2e-3).optEpochs(20)
                        .optMaxSteps(240).optEvalEverySteps(40).optEarlyStopping(100, 0.0),
                "kcelectra", out, null, 42), List.of(), job -> { });
    }

    /** Evaluates the preselected checkpoint and clicks the confusion-matrix cell with the most errors. */
    private static Void showAnEvaluation(Scene scene) {
        ((javafx.scene.control.Button) scene.lookup("#evaluate-run")).fire(); // DirectTaskRunner: done on return
        scene.getRoot().applyCss();
        scene.getRoot().lookupAll(".confusion-off").stream()
                .max(java.util.Comparator.comparingLong(cell -> Long.parseLong(
                        ((javafx.scene.control.Label) cell.lookup(".confusion-count")).getText())))
                .ifPresent(cell -> cell.getOnMouseClicked().handle(null));
        return null;
    }

    /** A few labels by the screenshot's annotator, so progress and the item table show two annotators. */
    private static void labelSomeAsMinji(WorkspaceSession session) {
        session.call(workspace -> {
            long project = workspace.projects().list().getFirst().id();
            String[] labels = {"none", "offensive", "none", "hate", "none", "none"};
            long after = 0;
            for (String label : labels) {
                long id = workspace.items().nextUnlabeled(project, after).orElseThrow().id();
                workspace.annotations().save(id, "김민지", java.util.List.of(label), null);
                after = id;
            }
            return null;
        });
    }

    private static Path emojiCheck(Path file) throws Exception {
        String sample = "ㅋㅋㅋ 😂 대박 👍🏻 🇰🇷 ❤";
        Scene scene = onFx(() -> {
            VBox box = new VBox(16, EmojiText.toTextFlow(sample, EmojiText.Mode.GLYPH),
                    EmojiText.toTextFlow(sample, EmojiText.Mode.NAMES));
            box.setStyle("-fx-padding: 20; -fx-font-size: 28px; -fx-font-family: 'NanumGothic';");
            Stage stage = new Stage();
            Scene created = new Scene(box, 900, 200);
            created.getStylesheets().add(ScreenshotTour.class.getResource(MainWindow.CSS).toExternalForm());
            stage.setScene(created);
            stage.show();
            return created;
        });
        return snapshot(scene, file);
    }

    /** A PNG of the scene as it is now, after a short settle. */
    public static Path snapshot(Scene scene, Path file) throws Exception {
        Thread.sleep(SETTLE_MILLIS); // let layout, CSS and the first pulses finish
        WritableImage image = onFx(() -> scene.snapshot(null));
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    public static <T> T onFx(Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get();
    }
}
