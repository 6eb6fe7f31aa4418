package kcwb.app.gui.shell;

import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;

/**
 * What every view gets: the UI language, the background task runner (shared, so the status bar shows every
 * task) and the shell (current workspace, annotator name, navigation to another view).
 */
public record ViewContext(I18n i18n, TaskRunner taskRunner, MainViewModel shell) {}
