package kcwb.app.gui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.AppSettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    private static final List<String> VIEWS = List.of("preview", "label", "items");

    @TempDir
    Path dir;

    private final DirectTaskRunner runner = new DirectTaskRunner();

    private AppSettingsStore store() {
        return new AppSettingsStore(dir.resolve("config"));
    }

    private MainViewModel viewModel() {
        return new MainViewModel(I18n.of(Locale.ENGLISH), runner, store(), WorkspaceOpener.pathChecksOnly(), VIEWS);
    }

    @Test
    void startsOnTheFirstViewAndSwitches() {
        MainViewModel vm = viewModel();
        assertEquals("preview", vm.selectedViewProperty().get());
        vm.showView("items");
        assertEquals("items", vm.selectedViewProperty().get());
    }

    @Test
    void unknownViewIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> viewModel().showView("nope"));
    }

    @Test
    void annotatorNameIsValidatedAndPersisted() {
        MainViewModel vm = viewModel();
        assertTrue(vm.needsAnnotatorName());
        assertNotNull(vm.validateAnnotatorName("   "));
        assertNotNull(vm.validateAnnotatorName("x".repeat(MainViewModel.MAX_NAME_LENGTH + 1)));
        assertNull(vm.validateAnnotatorName("김민지"));
        vm.setAnnotatorName("김민지");
        assertEquals("김민지", vm.annotatorProperty().get());
        assertFalse(viewModel().needsAnnotatorName(), "a new window reads the saved name");
    }

    @Test
    void openingAnExistingWorkspaceShowsItAndRemembersIt() throws IOException {
        Path workspace = Files.createFile(dir.resolve("demo.kcwb"));
        MainViewModel vm = viewModel();
        vm.openWorkspace(workspace);
        String shown = workspace.toAbsolutePath().toString();
        assertEquals(shown, vm.workspaceProperty().get());
        assertEquals(List.of(shown), vm.recentWorkspaces());
        assertEquals(List.of(shown), store().load().recentWorkspaces());
        assertEquals(1, runner.submittedCount(), "opening runs as a background task");
    }

    @Test
    void aMissingWorkspaceGivesAStatusMessageAndChangesNothing() {
        MainViewModel vm = viewModel();
        vm.openWorkspace(dir.resolve("missing.kcwb"));
        assertEquals("", vm.workspaceProperty().get());
        assertTrue(vm.statusMessageProperty().get().startsWith("Could not open"), vm.statusMessageProperty().get());
        assertTrue(vm.statusMessageProperty().get().contains("missing.kcwb"));
        assertTrue(vm.recentWorkspaces().isEmpty());
    }

    @Test
    void creatingOverAnExistingFileIsRefused() throws IOException {
        Path existing = Files.createFile(dir.resolve("taken.kcwb"));
        MainViewModel vm = viewModel();
        vm.createWorkspace(existing);
        assertEquals("", vm.workspaceProperty().get());
    }

    @Test
    void languageChangeIsSavedAndAnnounced() {
        MainViewModel vm = viewModel();
        List<Locale> announced = new ArrayList<>();
        vm.setOnLanguageChange(announced::add);
        vm.changeLanguage(Locale.KOREAN);
        assertEquals(List.of(Locale.KOREAN), announced);
        assertEquals("ko", store().load().language());
    }

    @Test
    void statusBarFollowsTheRunningTask() {
        MainViewModel vm = viewModel();
        List<String> whileRunning = new ArrayList<>();
        runner.submit(BackgroundTask.of("Importing", progress -> {
            progress.update(1, 2);
            progress.message("row 1");
            whileRunning.add(vm.taskTextProperty().get() + " | " + vm.taskProgressProperty().get() + " | "
                    + vm.taskRunningProperty().get());
            return null;
        }));
        assertEquals(List.of("Importing — row 1 | 0.5 | true"), whileRunning);
        assertFalse(vm.taskRunningProperty().get());
        assertEquals("", vm.taskTextProperty().get());
    }

    @Test
    void closeWarningsComeFromGuardsWithWorkInFlight() {
        MainViewModel vm = viewModel();
        assertEquals(List.of(), vm.closeWarnings());
        boolean[] training = {true};
        vm.addCloseGuard(() -> training[0] ? Optional.of("Training is running") : Optional.empty());
        vm.addCloseGuard(Optional::empty);
        assertEquals(List.of("Training is running"), vm.closeWarnings());
        training[0] = false;
        assertEquals(List.of(), vm.closeWarnings());
    }

    @Test
    void aDisposedViewModelNoLongerFollowsTasks() {
        MainViewModel vm = viewModel();
        vm.dispose();
        List<Boolean> running = new ArrayList<>();
        runner.submit(BackgroundTask.of("After dispose", progress -> running.add(vm.taskRunningProperty().get())));
        assertEquals(List.of(false), running);
    }

    @Test
    void darkThemeChoiceIsSaved() {
        viewModel().darkThemeProperty().set(true);
        assertTrue(store().load().darkTheme());
        assertTrue(viewModel().darkThemeProperty().get());
    }

    @Test
    void switchingTheProjectMovesTheLabelViewToThatProject() {
        Path file = dir.resolve("two.kcwb");
        long firstProject;
        long secondProject;
        try (kcwb.storage.workspace.Workspace w = kcwb.storage.workspace.WorkspaceStore.create(file)) {
            kcwb.storage.project.ProjectRepository repo = w.projects();
            firstProject = repo.create("alpha", kcwb.storage.project.TaskType.SINGLE_LABEL).id();
            secondProject = repo.create("beta", kcwb.storage.project.TaskType.SINGLE_LABEL).id();
            w.labels().add(firstProject, "a");
            w.labels().add(secondProject, "b");
            w.items().insert(firstProject, kcwb.storage.item.NewItem.of("알파 댓글"));
            w.items().insert(secondProject, kcwb.storage.item.NewItem.of("베타 댓글"));
        }
        try (kcwb.app.service.WorkspaceSession session = new kcwb.app.service.WorkspaceSession()) {
            MainViewModel vm = new MainViewModel(I18n.of(Locale.ENGLISH), runner, store(), session, VIEWS);
            kcwb.app.gui.label.LabelViewModel label = new kcwb.app.gui.label.LabelViewModel(I18n.of(Locale.ENGLISH),
                    runner, session, vm.annotatorProperty(), vm.currentProjectProperty());
            label.preview().enabledProperty().set(false);
            vm.workspaceProperty().addListener((obs, old, opened) -> {
                if (!opened.isEmpty()) {
                    label.load();
                }
            });
            vm.openWorkspace(file);

            assertEquals(List.of("alpha", "beta"), vm.projects().stream().map(p -> p.name()).toList());
            assertEquals(firstProject, vm.currentProjectProperty().get().id(), "the first project by default");
            assertEquals(firstProject, label.currentProperty().get().item().projectId());

            vm.currentProjectProperty().set(vm.projects().get(1));
            assertEquals(secondProject, label.projectProperty().get().project().id());
            assertEquals(secondProject, label.currentProperty().get().item().projectId(), "next item is beta's");
            assertEquals("베타 댓글", label.currentProperty().get().item().text());

            vm.openWorkspace(file); // reopening keeps the project chosen for this workspace
            assertEquals(secondProject, vm.currentProjectProperty().get().id());
            assertEquals(secondProject, label.currentProperty().get().item().projectId());
        }
    }
}
