package kcwb.app.gui.evaluate;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.evaluate.LabelConfusion;
import kcwb.app.service.evaluate.LabelOutcome;

/**
 * One label's 2×2 confusion matrix in the single-label heatmap's style: rows gold (has the label / has not),
 * columns predicted (flagged / not flagged), each cell its count and what it means (missed, wrongly flagged, ...),
 * coloured by its share of the row. A click calls {@code onCell}. Cell ids
 * {@code evaluate-label-cell-true-positive}, {@code -false-negative}, {@code -false-positive}, {@code -true-negative}.
 */
final class LabelConfusionPane {
    private LabelConfusionPane() {}

    static GridPane build(I18n i18n, LabelConfusion confusion, Consumer<LabelOutcome> onCell) {
        GridPane grid = new GridPane();
        grid.setId("evaluate-label-matrix");
        grid.getStyleClass().add("confusion-matrix");
        grid.setHgap(2);
        grid.setVgap(2);
        Label corner = new Label(i18n.get("evaluate.matrix.corner"));
        corner.getStyleClass().add("confusion-corner");
        grid.add(corner, 0, 0);
        String label = confusion.label();
        grid.add(header(i18n.get("evaluate.labelMatrix.flagged", label), Pos.CENTER), 1, 0);
        grid.add(header(i18n.get("evaluate.labelMatrix.notFlagged", label), Pos.CENTER), 2, 0);
        grid.add(header(i18n.get("evaluate.labelMatrix.has", label), Pos.CENTER_RIGHT), 0, 1);
        grid.add(header(i18n.get("evaluate.labelMatrix.hasNot", label), Pos.CENTER_RIGHT), 0, 2);
        for (LabelOutcome outcome : LabelOutcome.values()) {
            grid.add(cell(i18n, confusion, outcome, onCell), outcome.predicted() ? 1 : 2, outcome.gold() ? 1 : 2);
        }
        return grid;
    }

    private static Label header(String text, Pos alignment) {
        Label header = ConfusionMatrixPane.header(text);
        header.setMaxWidth(180);
        header.setAlignment(alignment);
        header.setTooltip(new Tooltip(text));
        return header;
    }

    private static StackPane cell(I18n i18n, LabelConfusion confusion, LabelOutcome outcome, Consumer<LabelOutcome> onCell) {
        long count = confusion.count(outcome);
        long rowTotal = outcome.gold() ? confusion.truePositives() + confusion.falseNegatives()
                : confusion.falsePositives() + confusion.trueNegatives();
        double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
        String meaning = i18n.get(outcomeKey(outcome));
        StackPane cell = ConfusionMatrixPane.heatCell("evaluate-label-cell-" + cssName(outcome), outcome.correct(), count,
                share, i18n.get("evaluate.labelMatrix.cell", meaning, count, ConfusionMatrixPane.percent(share)),
                () -> onCell.accept(outcome));
        Label countText = (Label) cell.getChildren().getFirst();
        Label caption = new Label(meaning);
        caption.getStyleClass().add("confusion-caption");
        caption.setStyle(countText.getStyle() + " -fx-font-size: 0.85em;");
        VBox stacked = new VBox(0, countText, caption);
        stacked.setAlignment(Pos.CENTER);
        cell.getChildren().setAll(stacked);
        cell.setPrefSize(150, 56);
        return cell;
    }

    /** "found (TP)", "missed (FN)", ... as the bundles word it. */
    static String outcomeKey(LabelOutcome outcome) {
        return "evaluate.labelMatrix." + cssName(outcome);
    }

    static String cssName(LabelOutcome outcome) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
