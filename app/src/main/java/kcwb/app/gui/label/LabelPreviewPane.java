package kcwb.app.gui.label;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import kcwb.app.gui.common.EmojiText;
import kcwb.app.gui.common.I18n;

/** The collapsible KcELECTRA panel: original with removals marked, cleaned text, tokens ([UNK] and cut marked). */
final class LabelPreviewPane {
    private final LabelPreview preview;
    private final I18n i18n;
    private final TextFlow original = new TextFlow();
    private final TextFlow cleaned = new TextFlow();
    private final FlowPane tokens = new FlowPane(4, 4);
    private final Label summary = new Label();

    LabelPreviewPane(LabelPreview preview, I18n i18n) {
        this.preview = preview;
        this.i18n = i18n;
    }

    TitledPane build() {
        VBox box = new VBox(8, heading("label.preview.original"), original, heading("label.preview.cleaned"), cleaned,
                heading("label.preview.tokens"), summary, tokens);
        box.getStyleClass().add("label-preview");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        TitledPane pane = new TitledPane(i18n.get("label.preview.title"), scroll);
        pane.setId("label-preview");
        pane.expandedProperty().bindBidirectional(preview.enabledProperty());
        preview.resultProperty().addListener((obs, old, result) -> render(result));
        render(preview.resultProperty().get());
        return pane;
    }

    private Node heading(String key) {
        Label heading = new Label(i18n.get(key));
        heading.getStyleClass().add("label-preview-heading");
        return heading;
    }

    private void render(LabelPreview.Result result) {
        original.getChildren().clear();
        cleaned.getChildren().clear();
        tokens.getChildren().clear();
        summary.setText("");
        if (result == null) {
            return;
        }
        String text = result.original();
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && result.changed()[j] == result.changed()[i]) {
                j++;
            }
            Text run = new Text(EmojiText.withNames(text.substring(i, j)));
            if (result.changed()[i]) {
                run.getStyleClass().add("preview-removed");
            }
            original.getChildren().add(run);
            i = j;
        }
        cleaned.getChildren().add(new Text(result.cleaning().cleaned()));
        var tokenized = result.tokens();
        for (int t = 0; t < tokenized.size(); t++) {
            Label token = new Label(tokenized.tokens().get(t));
            token.getStyleClass().add("preview-token");
            if (tokenized.unknown()[t]) {
                token.getStyleClass().add("preview-unk");
            }
            tokens.getChildren().add(token);
        }
        if (tokenized.isTruncated()) {
            Label cut = new Label(i18n.get("label.preview.truncated", LabelPreview.MAX_LEN));
            cut.getStyleClass().add("preview-truncated");
            tokens.getChildren().add(cut);
        }
        summary.setText(i18n.get("label.preview.summary", tokenized.size(), tokenized.unknownCount()));
    }
}
