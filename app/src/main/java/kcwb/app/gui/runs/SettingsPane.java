package kcwb.app.gui.runs;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import kcwb.app.gui.common.I18n;

/** The opened run's config and provenance: a key/value table and the provenance as pretty JSON. */
final class SettingsPane {
    private final RunsViewModel viewModel;
    private final I18n i18n;

    SettingsPane(RunsViewModel viewModel) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
    }

    Parent build() {
        TableView<Map.Entry<String, String>> table = new TableView<>();
        table.setId("runs-settings");
        table.setPlaceholder(new Label(i18n.get("runs.openHint")));
        TableColumn<Map.Entry<String, String>, String> key = new TableColumn<>(i18n.get("runs.settings.key"));
        key.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getKey()));
        key.setPrefWidth(240);
        TableColumn<Map.Entry<String, String>, String> value = new TableColumn<>(i18n.get("runs.settings.value"));
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getValue()));
        value.setPrefWidth(360);
        table.getColumns().setAll(List.of(key, value));
        TextArea provenance = new TextArea();
        provenance.setId("runs-provenance");
        provenance.setEditable(false);
        provenance.getStyleClass().add("monospace");
        viewModel.openedProperty().addListener((obs, old, details) -> {
            table.getItems().setAll(details == null ? List.of() : List.copyOf(details.settings().entrySet()));
            provenance.setText(details == null ? "" : details.provenanceJson());
        });
        return new SplitPane(table, provenance);
    }
}
