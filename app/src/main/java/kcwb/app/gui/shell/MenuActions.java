package kcwb.app.gui.shell;

/**
 * Menu actions that need a window (file choosers, dialogs, quitting); the application supplies them so the
 * menu bar stays binding-only and tests can replace them.
 */
public interface MenuActions {
    void chooseWorkspaceToOpen();

    void chooseWorkspaceToCreate();

    void showAbout();

    void quit();
}
