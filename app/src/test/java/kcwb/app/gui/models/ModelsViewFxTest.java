package kcwb.app.gui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import kcwb.app.gui.MainWindow;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.DemoWorkspace;
import kcwb.app.service.DoctorService;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.models.GpuSetupService;
import kcwb.app.service.models.LocalModel;
import kcwb.app.service.models.ModelFixtures;
import kcwb.training.finetune.DemoModel;
import kcwb.training.hub.DownloadProgress;
import kcwb.training.hub.HubSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The models view in a real window: lists the demo model and a run's checkpoint, exports the checkpoint through
 * the export dialog, gets a model through the "Get a model" dialog (a fake puller that fills a temp hub cache)
 * and shows the GPU verdict (canned doctor findings: no engine is loaded).
 */
@ExtendWith(ApplicationExtension.class)
class ModelsViewFxTest {
    private Path temp;
    private Path checkpoint;

    @Start
    void start(Stage stage) throws IOException {
        temp = Files.createTempDirectory("kcwb-models-fxtest");
        AppSettingsStore store = new AppSettingsStore(temp.resolve("config"));
        store.save(AppSettings.defaults().withAnnotatorName("테스터"));
        checkpoint = DemoModel.extractTo(temp.resolve("runs/run-1/checkpoint-5"));
        WorkspaceSession session = new WorkspaceSession();
        session.openOrInit(temp.resolve("demo.kcwb"), DemoWorkspace::fill);
        session.call(workspace -> {
            long project = workspace.projects().list().getFirst().id();
            long run = workspace.runs().start(project, "quick-run", "{}", "sha", temp.resolve("runs/run-1").toString()).id();
            return workspace.runs().addCheckpoint(run, checkpoint.toString(), 5, "{\"macro_f1\": 0.5}", true);
        });
        Path cache = temp.resolve("hub");
        ModelPuller fake = (settings, repo, revision, listener) -> {
            listener.fileStarted("model.safetensors", 1000, 0);
            listener.progress(new DownloadProgress("model.safetensors", 1000, 1000, 5000));
            try {
                return ModelFixtures.hubSnapshot(settings.cacheDir(), repo, revision, ModelFixtures.COMMIT);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        List<DoctorService.Finding> cpu = List.of(new DoctorService.Finding("djl engine", "PyTorch 2.7.1"),
                new DoctorService.Finding("default device", "cpu()"),
                new DoctorService.Finding("pytorch native", "/djl/pytorch/2.7.1-cpu-linux-x86_64"));
        ModelsWorkbenchView view = new ModelsWorkbenchView(
                () -> new HubSettings(URI.create("http://127.0.0.1:9"), cache, null, false), fake,
                () -> new GpuSetupService(() -> "", (c, e, x) -> List.of(), () -> cpu));
        MainWindow window = new MainWindow(stage, store, new DirectTaskRunner(), List.of(view), session);
        window.show(I18n.of(Locale.ENGLISH));
        stage.show();
    }

    @Test
    void listsExportsAndGetsModelsAndShowsTheTrainingDevice(FxRobot robot) throws TimeoutException {
        TableView<ModelRow> table = robot.lookup("#models-table").queryTableView();
        waitFor(() -> table.getItems().size() == 2);
        assertEquals(List.of(LocalModel.Source.DEMO, LocalModel.Source.CHECKPOINT),
                table.getItems().stream().map(row -> row.model().source()).toList());
        ModelRow checkpointRow = table.getItems().get(1);
        assertEquals("quick-run", checkpointRow.model().name());
        assertEquals("step 5 ★ best · macro_f1 0.5000", checkpointRow.model().detail());
        assertTrue(checkpointRow.description().readable(), checkpointRow.description().problem());

        Label verdict = robot.lookup("#models-gpu-verdict").queryAs(Label.class);
        assertTrue(verdict.getText().contains("no NVIDIA driver / CUDA was found"), verdict.getText());

        Button export = robot.lookup("#models-export").queryButton();
        robot.interact(() -> table.getSelectionModel().select(0));
        assertTrue(export.isDisabled(), "the demo model is not a checkpoint");
        robot.interact(() -> table.getSelectionModel().select(1));
        assertFalse(export.isDisabled());
        robot.clickOn(export);
        Path out = temp.resolve("exported/quick");
        robot.interact(() -> robot.lookup("#export-model-target").queryAs(TextField.class).setText(out.toString()));
        robot.clickOn("#export-model-run");
        Label exportMessage = robot.lookup("#export-model-message").queryAs(Label.class);
        waitFor(() -> exportMessage.getText().startsWith("Exported to " + out));
        assertTrue(Files.isRegularFile(out.resolve("README.md")));
        robot.interact(() -> robot.lookup("#export-model-dialog").queryAs(javafx.scene.control.DialogPane.class)
                .getScene().getWindow().hide());
        waitFor(() -> table.getItems().stream().anyMatch(row -> row.model().source() == LocalModel.Source.EXPORTED));

        robot.clickOn("#models-get");
        robot.clickOn("#get-model-start");
        Label message = robot.lookup("#get-model-message").queryAs(Label.class);
        waitFor(() -> message.getText().startsWith("Ready: beomi/KcELECTRA-base v2022"));
        robot.interact(() -> robot.lookup("#get-model-dialog").queryAs(javafx.scene.control.DialogPane.class)
                .getScene().getWindow().hide());
        waitFor(() -> table.getItems().stream().anyMatch(row -> row.model().source() == LocalModel.Source.HUB_CACHE));
        ModelRow hub = table.getItems().stream().filter(row -> row.model().source() == LocalModel.Source.HUB_CACHE)
                .findFirst().orElseThrow();
        assertEquals("beomi/KcELECTRA-base", hub.model().name());
        assertEquals("WORDPIECE", hub.description().tokenizer().name());
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
