/**
 * The main window: navigation, menu bar, status bar, and the {@link kcwb.app.gui.shell.WorkbenchView} plug-in
 * point through which the feature views (preview, label, items, train, evaluate, models) appear.
 * See docs/gui.md for how to add a view.
 */
package kcwb.app.gui.shell;
