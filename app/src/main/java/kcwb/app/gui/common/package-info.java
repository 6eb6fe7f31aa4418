/**
 * GUI infrastructure every view uses: {@link kcwb.app.gui.common.TaskRunner} (background work with progress
 * and cancel; {@code FxTaskRunner} in the app, {@code DirectTaskRunner} in tests),
 * {@link kcwb.app.gui.common.UiThrottle} (high-rate events to at most ~10 UI updates a second),
 * {@link kcwb.app.gui.common.I18n} (every visible string) and {@link kcwb.app.gui.common.EmojiText}.
 */
package kcwb.app.gui.common;
