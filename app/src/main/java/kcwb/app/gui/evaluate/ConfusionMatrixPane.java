package kcwb.app.gui.evaluate;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import kcwb.app.gui.common.I18n;

/**
 * A confusion matrix heatmap as a grid of cells: rows = gold, columns = predicted, each cell its count, its colour
 * the count's share of its row (so a small class's errors stand out as much as a large one's). A click on a cell
 * calls {@code onCell(gold, predicted)}. Cell ids {@code evaluate-cell-<gold>-<predicted>}.
 */
final class ConfusionMatrixPane {
    interface CellHandler {
        void clicked(int gold, int predicted);
    }

    private ConfusionMatrixPane() {}

    static GridPane build(I18n i18n, List<String> labels, long[][] confusion, CellHandler onCell) {
        GridPane grid = new GridPane();
        grid.setId("evaluate-matrix");
        grid.getStyleClass().add("confusion-matrix");
        grid.setHgap(2);
        grid.setVgap(2);
        Label corner = new Label(i18n.get("evaluate.matrix.corner"));
        corner.getStyleClass().add("confusion-corner");
        corner.setWrapText(true);
        corner.setMaxWidth(140);
        grid.add(corner, 0, 0);
        for (int c = 0; c < labels.size(); c++) {
            Label header = header(labels.get(c));
            header.setTooltip(new Tooltip(i18n.get("evaluate.matrix.predicted", labels.get(c))));
            grid.add(header, c + 1, 0);
        }
        for (int g = 0; g < labels.size(); g++) {
            Label rowHeader = header(labels.get(g));
            rowHeader.setTooltip(new Tooltip(i18n.get("evaluate.matrix.gold", labels.get(g))));
            rowHeader.setAlignment(Pos.CENTER_RIGHT);
            grid.add(rowHeader, 0, g + 1);
            long rowTotal = java.util.Arrays.stream(confusion[g]).sum();
            for (int p = 0; p < labels.size(); p++) {
                grid.add(cell(i18n, labels, g, p, confusion[g][p], rowTotal, onCell), p + 1, g + 1);
            }
        }
        return grid;
    }

    static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("confusion-header");
        label.setMaxWidth(140);
        label.setMinWidth(60);
        label.setAlignment(Pos.CENTER);
        return label;
    }

    private static StackPane cell(I18n i18n, List<String> labels, int gold, int predicted, long count, long rowTotal,
            CellHandler onCell) {
        double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
        return heatCell("evaluate-cell-" + gold + "-" + predicted, gold == predicted, count, share,
                i18n.get("evaluate.matrix.cell", labels.get(gold), labels.get(predicted), count, percent(share)),
                () -> onCell.clicked(gold, predicted));
    }

    /**
     * One heatmap cell (also the multi-label 2×2's): the count, coloured by {@code share} of its row, blue when
     * {@code right}, red when not; {@code onClick} runs on a click.
     */
    static StackPane heatCell(String id, boolean right, long count, double share, String tooltip, Runnable onClick) {
        Label text = new Label(Long.toString(count));
        text.getStyleClass().add("confusion-count");
        StackPane cell = new StackPane(text);
        cell.setId(id);
        cell.getStyleClass().addAll("confusion-cell", right ? "confusion-diagonal" : "confusion-off");
        cell.setMinSize(64, 44);
        cell.setPrefSize(72, 44);
        cell.setStyle("-fx-background-color: " + colour(share, right) + ";");
        text.setStyle("-fx-text-fill: " + (share > 0.55 ? "white" : "#1f2328") + ";");
        Tooltip.install(cell, new Tooltip(tooltip));
        cell.setOnMouseClicked(event -> onClick.run());
        return cell;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f", share * 100);
    }

    /** White to blue on the diagonal (right), white to red off it (errors), by the row share. */
    static String colour(double share, boolean diagonal) {
        int[] full = diagonal ? new int[] {31, 111, 235} : new int[] {207, 34, 46};
        double t = Math.max(0, Math.min(1, share));
        int r = (int) Math.round(255 + (full[0] - 255) * t);
        int g = (int) Math.round(255 + (full[1] - 255) * t);
        int b = (int) Math.round(255 + (full[2] - 255) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
