package kcwb.app.gui.train;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import kcwb.app.gui.common.EmojiText;
import kcwb.app.gui.common.I18n;

/** The data split summary: a small grid of train/dev/test counts per label, with a total row. */
final class SplitTable {
    private final TrainViewModel viewModel;
    private final I18n i18n;
    private final GridPane grid = new GridPane();
    private final Label note = new Label();

    SplitTable(TrainViewModel viewModel) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
    }

    Node build() {
        grid.setId("train-splits");
        grid.setHgap(14);
        grid.setVgap(2);
        for (int column = 0; column < 4; column++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setHalignment(column == 0 ? HPos.LEFT : HPos.RIGHT);
            grid.getColumnConstraints().add(constraints);
        }
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        viewModel.splitsProperty().addListener((obs, old, summary) -> show(summary));
        show(viewModel.splitsProperty().get());
        Label title = new Label(i18n.get("train.splits"));
        title.getStyleClass().add("section-title");
        return new VBox(4, title, grid, note);
    }

    private void show(SplitSummary summary) {
        grid.getChildren().clear();
        if (summary == null) {
            note.setText(i18n.get("train.splits.none"));
            return;
        }
        grid.addRow(0, header("train.splits.label"), header("train.splits.train"), header("train.splits.dev"),
                header("train.splits.test"));
        int row = 1;
        for (Object[] cells : summary.rows()) {
            grid.addRow(row++, new Label(EmojiText.withNames((String) cells[0])), new Label(cells[1].toString()),
                    new Label(cells[2].toString()), new Label(cells[3].toString()));
        }
        grid.addRow(row, header("train.splits.total"), header(summary.total(SplitSummary.TRAIN)),
                header(summary.total(SplitSummary.DEV)), header(summary.total(SplitSummary.TEST)));
        note.setText(summary.devIsHoldout() ? i18n.get("train.splits.holdout") : "");
    }

    private Label header(String key) {
        Label label = new Label(i18n.get(key));
        label.getStyleClass().add("bold");
        return label;
    }

    private Label header(int count) {
        Label label = new Label(Integer.toString(count));
        label.getStyleClass().add("bold");
        return label;
    }
}
