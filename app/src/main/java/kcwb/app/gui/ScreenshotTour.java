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
                Path file = out.resolve(view.id() + (locale == Locale.KOREAN ? "" : "-en") + ".png");
                written.add(snapshot(window.scene(), file));
            }
        }
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
