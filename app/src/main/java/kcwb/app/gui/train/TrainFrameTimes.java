package kcwb.app.gui.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import kcwb.app.gui.MainWindow;
import kcwb.app.gui.common.FxTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.DemoWorkspace;
import kcwb.app.service.WorkspaceSession;

/**
 * UI frame times while a real training runs in the Train view: opens the app window on a fresh demo workspace,
 * presses Start with the form's defaults (the {@code quick} preset, from-scratch tiny model), records the interval
 * between JavaFX pulses with an {@link AnimationTimer} until the run ends, and prints the run's wall time (the GUI
 * path of the quick preset) and the p50/p99/max frame interval. Goal: no frame over 100 ms.
 *
 * <pre>
 * ./kcwb --version &gt;/dev/null   # builds app/target/kcwb-app.jar
 * . .mvn/find-jdk.sh
 * xvfb-run -a -s "-screen 0 1400x900x24" "$JAVA_HOME/bin/java" -Dai.djl.offline=true --enable-native-access=ALL-UNNAMED \
 *   -Dai.djl.pytorch.num_threads=2 -Dfile.encoding=UTF-8 -cp app/target/kcwb-app.jar kcwb.app.gui.train.TrainFrameTimes
 * </pre>
 * Options: {@code --batch N}, {@code --epochs N} (override the preset, e.g. batch 4 for ~4x the steps),
 * {@code --settle S}: wait S seconds after the form is ready before pressing Start, as a user filling the form does.
 */
public final class TrainFrameTimes {
    private TrainFrameTimes() {}

    public static void main(String[] args) throws Exception {
        String batch = null;
        String epochs = null;
        double settle = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batch" -> batch = args[++i];
                case "--epochs" -> epochs = args[++i];
                case "--settle" -> settle = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: [--batch N] [--epochs N] [--settle SECONDS]");
            }
        }
        Path config = Files.createTempDirectory("kcwb-frametimes");
        AppSettingsStore store = new AppSettingsStore(config);
        store.save(AppSettings.defaults().withAnnotatorName("bench"));
        WorkspaceSession session = new WorkspaceSession();
        session.openOrInit(config.resolve(DemoWorkspace.FILE_NAME), DemoWorkspace::fill);
        Platform.startup(() -> {});
        Platform.setImplicitExit(false);

        long[] intervals = new long[1 << 16];
        long[] at = new long[1 << 16];
        int[] count = {0};
        long[] started = {0, 0};
        long[] readyAt = {0};
        long settleNanos = (long) (settle * 1e9);
        CountDownLatch ended = new CountDownLatch(1);
        String batchSize = batch;
        String epochCount = epochs;
        Platform.runLater(() -> {
            MainWindow window = new MainWindow(new Stage(), store, new FxTaskRunner(), WorkbenchViews.standard(), session);
            window.show(I18n.of(Locale.ENGLISH));
            ((Stage) window.scene().getWindow()).show();
            window.viewModel().showView("train");
            AnimationTimer frames = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0 && count[0] < intervals.length) {
                        at[count[0]] = now;
                        intervals[count[0]++] = now - last;
                    }
                    last = now;
                }
            };
            // wait for the view and the project list, then start once
            javafx.animation.Timeline poll = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                    javafx.util.Duration.millis(200), event -> {
                        Button start = (Button) window.scene().lookup("#train-start");
                        if (start == null) {
                            return;
                        }
                        if (readyAt[0] == 0 && !start.isDisabled()) {
                            readyAt[0] = System.nanoTime();
                        }
                        if (started[0] == 0 && !start.isDisabled() && System.nanoTime() - readyAt[0] >= settleNanos) {
                            if (batchSize != null) {
                                ((TextField) window.scene().lookup("#train-field-batchSize")).setText(batchSize);
                            }
                            if (epochCount != null) {
                                ((TextField) window.scene().lookup("#train-field-epochs")).setText(epochCount);
                            }
                            started[0] = System.nanoTime();
                            frames.start();
                            start.fire();
                        } else if (started[0] != 0 && started[1] == 0 && !start.isDisabled()) {
                            started[1] = System.nanoTime();
                            frames.stop();
                            System.out.println("run: " + ((Label) window.scene().lookup("#train-message")).getText());
                            System.out.println("device: " + ((Label) window.scene().lookup("#train-device")).getText());
                            ended.countDown();
                        }
                    }));
            poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
            poll.play();
        });
        if (!ended.await(15, TimeUnit.MINUTES)) {
            System.out.println("the run did not end within 15 minutes");
        }
        for (int i = 0; i < count[0]; i++) {
            if (intervals[i] > 100_000_000L) {
                System.out.printf(Locale.ROOT, "long frame: %.0f ms, ending %.1f s after Start%n", intervals[i] / 1e6,
                        (at[i] - started[0]) / 1e9);
            }
        }
        long[] sorted = Arrays.copyOf(intervals, count[0]);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "quick preset from the Train view: %.1f s from Start to the end of the run%n",
                (started[1] - started[0]) / 1e9);
        if (sorted.length > 0) {
            long over = Arrays.stream(sorted).filter(n -> n > 100_000_000L).count();
            System.out.printf(Locale.ROOT, "frames: %d, interval p50 %.1f ms, p99 %.1f ms, max %.1f ms, over 100 ms: %d%n",
                    sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6, over);
        }
        Platform.exit();
        System.exit(0);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
