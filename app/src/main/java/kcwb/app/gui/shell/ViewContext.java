package kcwb.app.gui.shell;

import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;

/**
 * What every view gets: the UI language, the background task runner (shared, so the status bar shows every
 * task) and the shell (current workspace, annotator name, navigation to another view), plus the two moments
 * most views reload at: a workspace opening and the view being shown.
 */
public record ViewContext(I18n i18n, TaskRunner taskRunner, MainViewModel shell) {

    /** True when a workspace is open. */
    public boolean workspaceOpen() {
        String file = shell.workspaceProperty().get();
        return file != null && !file.isEmpty();
    }

    /** Runs {@code action} each time a workspace opens (not now: check {@link #workspaceOpen()} for that). */
    public void whenWorkspaceOpens(Runnable action) {
        shell.workspaceProperty().addListener((obs, old, file) -> {
            if (file != null && !file.isEmpty()) {
                action.run();
            }
        });
    }

    /** Runs {@code action} each time the view {@code viewId} is shown. */
    public void whenShown(String viewId, Runnable action) {
        shell.selectedViewProperty().addListener((obs, old, id) -> {
            if (viewId.equals(id)) {
                action.run();
            }
        });
    }
}
