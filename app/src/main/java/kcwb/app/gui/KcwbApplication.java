package kcwb.app.gui;

import javafx.application.Application;
import javafx.stage.Stage;
import kcwb.app.gui.common.FxTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.gui.shell.WorkbenchViews;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.DemoWorkspace;
import kcwb.app.service.WorkspaceSession;

/**
 * The desktop app. System properties: {@code kcwb.locale=ko|en} (UI language), {@code kcwb.configDir}
 * (where settings.json lives), {@code kcwb.exitAfterSeconds=N} (quit after N seconds: headless smoke tests).
 */
public final class KcwbApplication extends Application {
    public static final String EXIT_AFTER_PROPERTY = "kcwb.exitAfterSeconds";

    private TaskRunner taskRunner;
    private WorkspaceSession session;

    @Override
    public void start(Stage stage) {
        AppSettingsStore settingsStore = AppSettingsStore.standard();
        taskRunner = new FxTaskRunner();
        session = new WorkspaceSession();
        MainWindow window = new MainWindow(stage, settingsStore, taskRunner, WorkbenchViews.standard(), session);
        window.show(I18n.startup(settingsStore.load().savedLanguage()));
        stage.show();
        SmokeHooks.afterFirstShow(stage);
        if (System.getProperty(EXIT_AFTER_PROPERTY) == null) {
            // not in smoke runs, which must leave no settings or demo files behind
            window.viewModel().openAtStart(DemoWorkspace.defaultFile(settingsStore));
            window.askAnnotatorNameIfMissing();
        }
    }

    @Override
    public void stop() {
        if (taskRunner != null) {
            taskRunner.shutdown();
        }
        if (session != null) {
            session.close();
        }
    }
}
