package kcwb.app.gui.shell;

import java.util.Optional;

/**
 * Asked before the window closes: a view with work in flight (a training run, an import) returns a warning,
 * translated, e.g. "Training is running; closing stops it." The user then confirms or stays.
 * Register with {@link MainViewModel#addCloseGuard(CloseGuard)}.
 */
@FunctionalInterface
public interface CloseGuard {
    Optional<String> warning();
}
