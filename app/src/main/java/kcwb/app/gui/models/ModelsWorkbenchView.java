package kcwb.app.gui.models;

import ai.djl.util.Utils;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Window;
import kcwb.app.gui.shell.ViewContext;
import kcwb.app.gui.shell.WorkbenchView;
import kcwb.app.service.models.ExportedModels;
import kcwb.app.service.models.GpuSetupService;
import kcwb.app.service.models.LocalModelCatalog;
import kcwb.app.service.models.ModelInspector;
import kcwb.training.hub.HubCache;
import kcwb.training.hub.HubSettings;

/**
 * Registers the "models" view: local models (hub cache, demo, checkpoints, exports) with their info, "Get a
 * model" from the Hugging Face hub, export of a checkpoint, and the GPU section. Refreshes whenever shown.
 */
public final class ModelsWorkbenchView implements WorkbenchView {
    public static final String ID = "models";

    private final Supplier<HubSettings> hubSettings;
    private final ModelPuller puller;
    private final Supplier<GpuSetupService> gpuService;

    /** The app's view: hub settings from the environment (HF_HOME, HF_HUB_CACHE, HF_TOKEN, ...). */
    public ModelsWorkbenchView() {
        this(HubSettings::fromEnvironment, ModelPuller.hub(), GpuSetupService::new);
    }

    /** Tests: another hub (a local server or a temp cache), a fake puller, a GPU service that loads no engine. */
    public ModelsWorkbenchView(Supplier<HubSettings> hubSettings, ModelPuller puller, Supplier<GpuSetupService> gpuService) {
        this.hubSettings = hubSettings;
        this.puller = puller;
        this.gpuService = gpuService;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "nav.models";
    }

    @Override
    public Node createContent(ViewContext context) {
        Path configDir = context.shell().configDir();
        LocalModelCatalog catalog = new LocalModelCatalog(new HubCache(hubSettings.get().cacheDir()),
                configDir.resolve("demo-model"), new ExportedModels(configDir));
        ModelsViewModel models = new ModelsViewModel(context.i18n(), context.taskRunner(), context.shell().session(),
                context.shell().currentProjectProperty(), catalog, new ModelInspector());
        GpuViewModel gpu = new GpuViewModel(context.i18n(), context.taskRunner(), gpuService.get(),
                Utils.getEngineCacheDir(), Platform::runLater);
        Runnable openGetModel = () -> new GetModelDialog(new GetModelViewModel(context.i18n(), context.taskRunner(),
                hubSettings, puller, Platform::runLater, snapshot -> models.refresh())).show(owner());
        Runnable openExport = () -> {
            ModelRow row = models.selectedProperty().get();
            if (row != null && row.model().exportable()) {
                ExportModelDialog.show(context, row.model().dir(), folder -> models.refresh());
            }
        };
        Node content = new ModelsView(models, openGetModel, openExport, new GpuPane(gpu).build()).build();
        boolean[] gpuChecked = {false};
        Runnable onShow = () -> {
            models.refresh();
            if (!gpuChecked[0]) {
                gpuChecked[0] = true;
                gpu.check();
            }
        };
        context.whenShown(ID, onShow);
        context.whenWorkspaceOpens(() -> {
            if (ID.equals(context.shell().selectedViewProperty().get())) {
                models.refresh();
            }
        });
        if (ID.equals(context.shell().selectedViewProperty().get())) {
            onShow.run();
        }
        return content;
    }

    private static Window owner() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .orElse(Window.getWindows().isEmpty() ? null : Window.getWindows().getFirst());
    }
}
