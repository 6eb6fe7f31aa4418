package kcwb.app.gui.items;

import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import kcwb.app.gui.common.EmojiText;
import kcwb.storage.item.ItemRow;

/** One table row: the item id at once, the rest when its page arrives from storage. */
public final class ItemRowViewModel {
    private final long id;
    private final ObjectProperty<ItemRow> row = new SimpleObjectProperty<>();

    ItemRowViewModel(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    public ObjectProperty<ItemRow> rowProperty() {
        return row;
    }

    public boolean isLoaded() {
        return row.get() != null;
    }

    public String text() {
        return row.get() == null ? "…" : EmojiText.withNames(row.get().item().text());
    }

    /** "minji: hate · demo: none". */
    public String labels() {
        return row.get() == null ? "" : row.get().annotations().stream()
                .map(a -> a.annotator() + ": " + String.join(", ", a.labels())).collect(Collectors.joining(" · "));
    }

    public String split() {
        return row.get() == null || row.get().item().split() == null ? "" : row.get().item().split().key();
    }

    public String prediction() {
        return row.get() == null || row.get().prediction() == null ? "" : row.get().prediction().label();
    }

    public String uncertainty() {
        if (row.get() == null || row.get().prediction() == null || row.get().prediction().uncertainty() == null) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "%.3f", row.get().prediction().uncertainty());
    }
}
