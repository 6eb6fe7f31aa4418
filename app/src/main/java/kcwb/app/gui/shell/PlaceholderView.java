package kcwb.app.gui.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A view that is not built yet: its title and what it will do.
 * Replace the entry in {@link WorkbenchViews} when the real view lands.
 */
public record PlaceholderView(String id, String titleKey, String descriptionKey) implements WorkbenchView {

    public static PlaceholderView of(String id) {
        return new PlaceholderView(id, "nav." + id, "placeholder." + id);
    }

    @Override
    public Node createContent(ViewContext context) {
        Label title = new Label(context.i18n().get(titleKey));
        title.getStyleClass().addAll("title-2", "view-title");
        Label description = new Label(context.i18n().get(descriptionKey));
        description.setWrapText(true);
        description.getStyleClass().add("view-description");
        Label pending = new Label(context.i18n().get("placeholder.pending"));
        pending.getStyleClass().addAll("text-muted", "placeholder-note");
        VBox box = new VBox(12, title, description, pending);
        box.getStyleClass().add("view-pane");
        return box;
    }
}
