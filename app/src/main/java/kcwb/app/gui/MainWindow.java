package kcwb.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Pane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.gui.shell.AnnotatorNameDialog;
import kcwb.app.gui.shell.MainView;
import kcwb.app.gui.shell.MainViewModel;
import kcwb.app.gui.shell.MenuActions;
import kcwb.app.gui.shell.WorkbenchView;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.AppVersion;
import kcwb.app.service.WorkspaceSession;

/**
 * The window: one scene whose root is rebuilt when the language changes (every string is read from the
 * bundle once, when the view is built). Theme: AtlantaFX Primer light/dark plus our {@value #CSS}.
 */
public final class MainWindow implements MenuActions {
    /** Our stylesheet, a classpath resource in app (needed at run time, so not under assets/). */
    public static final String CSS = "/kcwb/app/gui/kcwb.css";
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private final Stage stage;
    private final AppSettingsStore settingsStore;
    private final TaskRunner taskRunner;
    private final List<WorkbenchView> views;
    private final Scene scene;
    private final WorkspaceSession session;
    private MainViewModel viewModel;

    public MainWindow(Stage stage, AppSettingsStore settingsStore, TaskRunner taskRunner, List<WorkbenchView> views) {
        this(stage, settingsStore, taskRunner, views, new WorkspaceSession());
    }

    /** {@code session} holds the open workspace; it outlives window rebuilds (language switch). */
    public MainWindow(Stage stage, AppSettingsStore settingsStore, TaskRunner taskRunner, List<WorkbenchView> views,
            WorkspaceSession session) {
        this.session = session;
        this.stage = stage;
        this.settingsStore = settingsStore;
        this.taskRunner = taskRunner;
        this.views = List.copyOf(views);
        this.scene = new Scene(new Pane(), WIDTH, HEIGHT);
        scene.getStylesheets().add(MainWindow.class.getResource(CSS).toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(event -> {
            if (!confirmClose()) {
                event.consume();
            }
        });
    }

    /** True when nothing warns against closing, or the user confirmed the warnings. */
    private boolean confirmClose() {
        List<String> warnings = viewModel.closeWarnings();
        if (warnings.isEmpty()) {
            return true;
        }
        I18n i18n = viewModel.i18n();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, String.join("\n", warnings),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(stage);
        confirm.setTitle(i18n.get("close.title"));
        confirm.setHeaderText(i18n.get("close.header"));
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    /** Builds the window in the given language (keeps the selected view when rebuilding). */
    public MainViewModel show(I18n i18n) {
        String selected = viewModel == null ? null : viewModel.selectedViewProperty().get();
        if (viewModel != null) {
            viewModel.dispose();
        }
        viewModel = new MainViewModel(i18n, taskRunner, settingsStore, session,
                views.stream().map(WorkbenchView::id).toList());
        if (selected != null) {
            viewModel.showView(selected);
        }
        viewModel.setOnLanguageChange(locale -> show(I18n.of(locale)));
        applyTheme(viewModel.darkThemeProperty().get());
        viewModel.darkThemeProperty().addListener((obs, old, dark) -> applyTheme(dark));
        scene.setRoot(new MainView(viewModel, taskRunner, views, this).root());
        stage.setTitle(i18n.get("app.title"));
        return viewModel;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public WorkspaceSession session() {
        return session;
    }

    public Scene scene() {
        return scene;
    }

    /** First start: ask for the annotator name once the window is up. */
    public void askAnnotatorNameIfMissing() {
        if (viewModel.needsAnnotatorName()) {
            Platform.runLater(() -> AnnotatorNameDialog.ask(stage, viewModel));
        }
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void chooseWorkspaceToOpen() {
        File file = workspaceChooser("dialog.openWorkspace").showOpenDialog(stage);
        if (file != null) {
            viewModel.openWorkspace(file.toPath());
        }
    }

    @Override
    public void chooseWorkspaceToCreate() {
        File file = workspaceChooser("dialog.newWorkspace").showSaveDialog(stage);
        if (file != null) {
            viewModel.createWorkspace(file.toPath());
        }
    }

    private FileChooser workspaceChooser(String titleKey) {
        I18n i18n = viewModel.i18n();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get(titleKey));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.get("dialog.workspaceFiles"), "*.kcwb"),
                new FileChooser.ExtensionFilter(i18n.get("dialog.allFiles"), "*"));
        return chooser;
    }

    @Override
    public void showAbout() {
        I18n i18n = viewModel.i18n();
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(stage);
        about.setTitle(i18n.get("about.title"));
        about.setHeaderText(i18n.get("app.name") + " " + AppVersion.version());
        about.setContentText(i18n.get("about.text", AppVersion.version(), Runtime.version().toString(),
                System.getProperty("javafx.runtime.version", "?"), Locale.getDefault().toLanguageTag()));
        about.showAndWait();
    }

    @Override
    public void quit() {
        if (confirmClose()) {
            Platform.exit();
        }
    }
}
