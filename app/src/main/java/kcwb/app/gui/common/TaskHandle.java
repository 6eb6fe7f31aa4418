package kcwb.app.gui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A submitted task as the UI sees it. Properties change on the FX thread only, so a view may bind to them.
 * Progress is -1 while unknown (a {@code ProgressBar} then shows its indeterminate animation), else 0..1.
 */
public interface TaskHandle {
    String title();

    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    ReadOnlyBooleanProperty runningProperty();

    /** Asks the work to stop; it sees {@code progress.isCancelled()} and the task ends with onCancelled. */
    void requestCancel();
}
