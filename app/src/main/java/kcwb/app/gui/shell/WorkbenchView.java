package kcwb.app.gui.shell;

import javafx.scene.Node;

/**
 * One main view of the window (Preview, Label, Items, Train, Evaluate, Models): an entry in the left
 * navigation plus the content it shows. To add or replace a view, implement this (usually as a small factory
 * that creates {@code XxxViewModel} and {@code XxxView}) and list it in {@link WorkbenchViews#standard()}.
 */
public interface WorkbenchView {
    /** Stable id, also the node id suffix ({@code nav-<id>}, {@code view-<id>}) and the screenshot file name. */
    String id();

    /** Bundle key of the navigation label, e.g. {@code nav.preview}. */
    String titleKey();

    /** Builds the content once, the first time the view is shown; it stays alive while the window is open. */
    Node createContent(ViewContext context);
}
