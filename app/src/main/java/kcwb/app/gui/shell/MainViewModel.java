package kcwb.app.gui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskHandle;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.service.AppSettings;
import kcwb.app.service.AppSettingsStore;
import kcwb.app.service.DemoWorkspace;
import kcwb.app.service.WorkspaceSession;

/**
 * The main window's state: which view is shown, the open workspace, the annotator, recent workspaces,
 * the newest background task for the status bar, and the language/theme choices. Tested without a stage.
 */
public final class MainViewModel {
    /** Longest annotator name accepted (it is stored with every annotation). */
    public static final int MAX_NAME_LENGTH = 64;

    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final AppSettingsStore settingsStore;
    private final WorkspaceOpener workspaceOpener;
    private final WorkspaceSession session;
    private final List<String> viewIds;

    private final StringProperty selectedView = new SimpleStringProperty();
    private final ReadOnlyStringWrapper workspace = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper annotator = new ReadOnlyStringWrapper("");
    private final ObservableList<String> recentWorkspaces = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyRecent = FXCollections.unmodifiableObservableList(recentWorkspaces);
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper taskText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper taskProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper taskRunning = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);
    private final javafx.beans.property.ReadOnlyObjectWrapper<Long> labelJump = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ObservableList<kcwb.storage.project.Project> projects = FXCollections.observableArrayList();
    private final javafx.beans.property.ObjectProperty<kcwb.storage.project.Project> currentProject =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final java.util.Map<String, Long> chosenProjects = new java.util.HashMap<>();
    private final javafx.beans.property.ObjectProperty<Path> selectedCheckpoint = new javafx.beans.property.SimpleObjectProperty<>();
    private final javafx.beans.property.ObjectProperty<Path> checkpointToResume = new javafx.beans.property.SimpleObjectProperty<>();
    private final List<CloseGuard> closeGuards = new ArrayList<>();
    private final ListChangeListener<TaskHandle> taskListener = change -> showNewestTask();
    private TaskHandle shownTask;
    private Consumer<Locale> onLanguageChange = locale -> {};

    /** A shell whose workspace opener only checks paths (tests of the shell alone). */
    public MainViewModel(I18n i18n, TaskRunner taskRunner, AppSettingsStore settingsStore,
            WorkspaceOpener workspaceOpener, List<String> viewIds) {
        this(i18n, taskRunner, settingsStore, workspaceOpener, new WorkspaceSession(), viewIds);
    }

    /** The app's shell: workspaces are opened in {@code session}, which the views use for all storage work. */
    public MainViewModel(I18n i18n, TaskRunner taskRunner, AppSettingsStore settingsStore, WorkspaceSession session,
            List<String> viewIds) {
        this(i18n, taskRunner, settingsStore, WorkspaceOpener.using(session), session, viewIds);
    }

    private MainViewModel(I18n i18n, TaskRunner taskRunner, AppSettingsStore settingsStore,
            WorkspaceOpener workspaceOpener, WorkspaceSession session, List<String> viewIds) {
        this.session = Objects.requireNonNull(session);
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.settingsStore = Objects.requireNonNull(settingsStore);
        this.workspaceOpener = Objects.requireNonNull(workspaceOpener);
        this.viewIds = List.copyOf(viewIds);
        AppSettings settings = settingsStore.load();
        annotator.set(settings.annotatorName());
        recentWorkspaces.setAll(settings.recentWorkspaces());
        darkTheme.set(settings.darkTheme());
        selectedView.set(this.viewIds.getFirst());
        statusMessage.set(i18n.get("status.noWorkspace"));
        session.file().ifPresent(open -> {
            workspace.set(open.toString());
            statusMessage.set(i18n.get("status.workspaceOpened", open));
        });
        taskRunner.runningTasks().addListener(taskListener);
        workspace.addListener((obs, old, file) -> {
            if (file != null && !file.isEmpty()) {
                currentProject.set(null); // until this workspace's projects are read, views use its first
                loadProjects();
            }
        });
        currentProject.addListener((obs, old, chosen) -> {
            if (chosen != null && !workspace.get().isEmpty()) {
                chosenProjects.put(workspace.get(), chosen.id());
            }
        });
        if (!workspace.get().isEmpty()) {
            loadProjects();
        }
        darkTheme.addListener((obs, old, dark) -> settingsStore.update(s -> s.withDarkTheme(dark)));
    }

    /** The folder settings.json lives in ({@code -Dkcwb.configDir}, XDG, ~/.config/kcwb): views keep their own files there. */
    public Path configDir() {
        return settingsStore.file().getParent();
    }

    public List<String> viewIds() {
        return viewIds;
    }

    /** The id of the view on screen; the view binds its navigation toggles to it. */
    public StringProperty selectedViewProperty() {
        return selectedView;
    }

    public void showView(String id) {
        if (!viewIds.contains(id)) {
            throw new IllegalArgumentException("Unknown view " + id + "; known: " + viewIds);
        }
        selectedView.set(id);
    }

    public boolean needsAnnotatorName() {
        return annotator.get().isEmpty();
    }

    /** Null when the name is acceptable, else the translated reason. */
    public String validateAnnotatorName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            return i18n.get("annotator.error.empty");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            return i18n.get("annotator.error.long", MAX_NAME_LENGTH);
        }
        return null;
    }

    public void setAnnotatorName(String name) {
        String error = validateAnnotatorName(name);
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
        AppSettings saved = settingsStore.update(s -> s.withAnnotatorName(name));
        annotator.set(saved.annotatorName());
    }

    public void openWorkspace(Path path) {
        runWorkspaceTask("task.openWorkspace", path, () -> workspaceOpener.open(path));
    }

    /**
     * At start: the most recent workspace when it still exists, else the demo workspace {@code demoFile}
     * (created from the shipped demo comments when missing).
     */
    public void openAtStart(Path demoFile) {
        Optional<Path> recent = recentWorkspaces.stream().map(Path::of).filter(java.nio.file.Files::isRegularFile).findFirst();
        if (recent.isPresent()) {
            openWorkspace(recent.get());
        } else {
            runWorkspaceTask("task.openWorkspace", demoFile, () -> session.openOrInit(demoFile, DemoWorkspace::fill));
        }
    }

    /** Item ids other views asked the labeling view to show (see {@link #openInLabelView}). */
    public javafx.beans.property.ReadOnlyObjectProperty<Long> labelJumps() {
        return labelJump.getReadOnlyProperty();
    }

    /** Shows the labeling view on item {@code itemId} (e.g. a double-click in the item table). */
    public void openInLabelView(long itemId) {
        showView("label");
        labelJump.set(null);
        labelJump.set(itemId);
    }

    /**
     * A checkpoint (or model) folder another view asked to evaluate ("open this checkpoint in Evaluate"); the
     * evaluate view preselects it. Set it, then {@code showView("evaluate")}.
     */
    public javafx.beans.property.ObjectProperty<Path> selectedCheckpointProperty() {
        return selectedCheckpoint;
    }

    /**
     * A checkpoint another view asked the train view to resume or continue (the runs view sets it, then
     * {@code showView("train")}); the train view takes it and clears it.
     */
    public javafx.beans.property.ObjectProperty<Path> checkpointToResumeProperty() {
        return checkpointToResume;
    }

    /** Where the views do their storage work: the open workspace, used from one thread. */
    public WorkspaceSession session() {
        return session;
    }

    /** The projects of the open workspace (loaded in the background whenever a workspace opens). */
    public ObservableList<kcwb.storage.project.Project> projects() {
        return projects;
    }

    /**
     * The project the views work on: the one last chosen in this workspace, else its first project; null
     * while no workspace (or no project) is open. Label, items and progress reload when it changes.
     */
    public javafx.beans.property.ObjectProperty<kcwb.storage.project.Project> currentProjectProperty() {
        return currentProject;
    }

    /** Reloads the project list of the open workspace; keeps the chosen project when it still exists. */
    public void loadProjects() {
        if (session.file().isEmpty()) {
            return; // a shell without storage (tests of the shell alone)
        }
        String file = workspace.get();
        taskRunner.submit(BackgroundTask.of(i18n.get("task.projects"), progress -> session.call(ws -> ws.projects().list()))
                .onSuccess(list -> {
                    if (!file.equals(workspace.get())) {
                        return; // another workspace opened meanwhile; its own load follows
                    }
                    Long want = chosenProjects.get(file);
                    kcwb.storage.project.Project pick = list.stream().filter(p -> want != null && p.id() == want)
                            .findFirst().orElse(list.isEmpty() ? null : list.getFirst());
                    projects.setAll(list);
                    currentProject.set(pick);
                })
                .onFailure(error -> statusMessage.set(i18n.get("status.workspaceFailed", file, describe(error)))));
    }

    public void createWorkspace(Path path) {
        runWorkspaceTask("task.createWorkspace", path, () -> workspaceOpener.create(path));
    }

    private interface WorkspaceAction {
        void run() throws Exception;
    }

    private void runWorkspaceTask(String titleKey, Path path, WorkspaceAction action) {
        String shown = path.toAbsolutePath().normalize().toString();
        taskRunner.submit(BackgroundTask.of(i18n.get(titleKey, shown), progress -> {
            action.run();
            return shown;
        }).onSuccess(opened -> {
            workspace.set("");
            workspace.set(opened); // listeners reload even when the same file is reopened
            recentWorkspaces.setAll(settingsStore.update(s -> s.withRecentWorkspace(opened)).recentWorkspaces());
            statusMessage.set(i18n.get("status.workspaceOpened", opened));
        }).onFailure(error -> statusMessage.set(i18n.get("status.workspaceFailed", shown, describe(error)))));
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Switches the UI language: saved in the settings, then the app rebuilds the window in that language. */
    public void changeLanguage(Locale locale) {
        settingsStore.update(s -> s.withLanguage(locale.getLanguage()));
        onLanguageChange.accept(locale);
    }

    public void setOnLanguageChange(Consumer<Locale> callback) {
        this.onLanguageChange = Objects.requireNonNull(callback);
    }

    public I18n i18n() {
        return i18n;
    }

    /** Detaches from the shared task runner; called when the window is rebuilt (language switch). */
    public void dispose() {
        taskRunner.runningTasks().removeListener(taskListener);
    }

    /** Views with work in flight register here; the window asks before closing when any has a warning. */
    public void addCloseGuard(CloseGuard guard) {
        closeGuards.add(Objects.requireNonNull(guard));
    }

    /** The warnings to show before closing; empty means close without asking. */
    public List<String> closeWarnings() {
        return closeGuards.stream().map(CloseGuard::warning).flatMap(Optional::stream).toList();
    }

    /** Cancels the task the status bar shows. */
    public void cancelShownTask() {
        if (shownTask != null) {
            shownTask.requestCancel();
        }
    }

    private void showNewestTask() {
        taskProgress.unbind();
        taskText.unbind();
        taskRunning.unbind();
        List<TaskHandle> running = taskRunner.runningTasks();
        shownTask = running.isEmpty() ? null : running.getLast();
        if (shownTask == null) {
            taskProgress.set(0);
            taskText.set("");
            taskRunning.set(false);
            return;
        }
        TaskHandle task = shownTask;
        taskProgress.bind(task.progressProperty());
        taskText.bind(Bindings.createStringBinding(
                () -> task.messageProperty().get() == null || task.messageProperty().get().isEmpty()
                        ? task.title() : task.title() + " — " + task.messageProperty().get(),
                task.messageProperty()));
        taskRunning.set(true);
    }

    public ReadOnlyStringProperty workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty annotatorProperty() {
        return annotator.getReadOnlyProperty();
    }

    public ObservableList<String> recentWorkspaces() {
        return readOnlyRecent;
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty taskTextProperty() {
        return taskText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty taskProgressProperty() {
        return taskProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty taskRunningProperty() {
        return taskRunning.getReadOnlyProperty();
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }
}
