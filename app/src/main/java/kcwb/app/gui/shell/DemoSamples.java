package kcwb.app.gui.shell;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import kcwb.app.gui.common.EmojiText;
import kcwb.app.service.DemoComments;
import kcwb.app.service.DemoComments.DemoComment;

/**
 * Samples of the shipped demo comments shown inside placeholder views, so the first start already shows
 * real Korean text (and proves that Hangul and emoji render). Removed when the real views land.
 */
final class DemoSamples {
    private DemoSamples() {}

    /** One comment in large text, as the labeling view will show it, with its label choices. */
    static Node commentCard(ViewContext context) {
        DemoComment comment = DemoComments.load().stream()
                .filter(c -> EmojiText.segments(c.text()).stream().anyMatch(EmojiText.Segment::isEmoji))
                .findFirst().orElseThrow();
        TextFlow text = EmojiText.toTextFlow(comment.text(), EmojiText.Mode.NAMES);
        text.getStyleClass().add("comment-large");
        FlowPane labels = new FlowPane(8, 8);
        int hotkey = 1;
        for (String label : DemoComments.LABELS) {
            Button button = new Button(hotkey++ + "  " + context.i18n().get("label." + label));
            button.setDisable(true);
            labels.getChildren().add(button);
        }
        Label caption = new Label(context.i18n().get("demo.sampleComment"));
        caption.getStyleClass().add("text-muted");
        VBox card = new VBox(12, caption, text, labels);
        card.getStyleClass().add("comment-card");
        return card;
    }

    /** The demo comments in a table: what the item table will list. */
    static Node commentTable(ViewContext context) {
        List<DemoComment> comments = DemoComments.load();
        TableView<DemoComment> table = new TableView<>(FXCollections.observableArrayList(comments));
        TableColumn<DemoComment, Integer> line = new TableColumn<>("#");
        line.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().line()));
        line.setPrefWidth(60);
        line.setMaxWidth(80);
        TableColumn<DemoComment, String> text = new TableColumn<>(context.i18n().get("items.column.text"));
        text.setCellValueFactory(row -> new ReadOnlyStringWrapper(EmojiText.withNames(row.getValue().text())));
        text.setPrefWidth(760);
        TableColumn<DemoComment, String> label = new TableColumn<>(context.i18n().get("items.column.label"));
        label.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                row.getValue().label().map(l -> context.i18n().get("label." + l)).orElse("—")));
        label.setPrefWidth(120);
        label.setMaxWidth(160);
        table.getColumns().setAll(List.of(line, label, text));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setId("demo-items-table");
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }
}
