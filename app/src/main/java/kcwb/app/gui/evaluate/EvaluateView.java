package kcwb.app.gui.evaluate;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.evaluate.EvaluationService;
import kcwb.app.service.evaluate.EvaluationSplit;
import kcwb.app.service.evaluate.ItemResult;
import kcwb.app.service.evaluate.LabelConfusion;
import kcwb.app.service.evaluate.LabelOutcome;

/**
 * The evaluate screen: model + split chooser with Evaluate/Cancel and progress; the headline metrics with deltas;
 * the confusion matrix heatmap beside the per-class table (multi-label: the 2×2 matrix of the label chosen in it);
 * below, the errors (most confident first) and the clicked cell's items, each openable in the labeling view
 * ("Fix label", double-click, Enter). Binding only.
 */
public final class EvaluateView {
    private final EvaluateViewModel viewModel;
    private final I18n i18n;
    private final Label summary = new Label();
    private final Label previous = new Label();
    private final VBox matrixBox = new VBox(8);
    private final TabPane lists = new TabPane();
    private final Tab errorsTab = new Tab();
    private final Tab cellTab = new Tab();
    private TableView<EvaluateViewModel.ClassRow> classes;

    public EvaluateView(EvaluateViewModel viewModel) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
    }

    public Parent build() {
        summary.setId("evaluate-summary");
        summary.getStyleClass().add("evaluate-summary");
        previous.setId("evaluate-previous");
        previous.getStyleClass().add("text-muted");
        matrixBox.setId("evaluate-matrix-box");
        matrixBox.setPadding(new Insets(4));
        classes = ClassScoresTable.build(i18n, viewModel.classRows());
        classes.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                viewModel.selectLabel(row.label());
            }
        });
        ScrollPane matrixScroll = new ScrollPane(matrixBox);
        matrixScroll.setFitToWidth(true);
        SplitPane middle = new SplitPane(matrixScroll, classes);
        middle.setDividerPositions(0.55);
        VBox.setVgrow(middle, Priority.ALWAYS);

        TableView<ItemResult> errors = ItemResultTable.build(i18n, "evaluate-errors", viewModel.misclassified(),
                "evaluate.errors.empty", viewModel::fixLabel);
        TableView<ItemResult> cellItems = ItemResultTable.build(i18n, "evaluate-cell-items", viewModel.cellItems(),
                "evaluate.cell.empty", viewModel::fixLabel);
        errorsTab.setContent(errors);
        errorsTab.setClosable(false);
        errorsTab.setId("evaluate-errors-tab");
        cellTab.setContent(cellItems);
        cellTab.setClosable(false);
        cellTab.setId("evaluate-cell-tab");
        lists.getTabs().setAll(errorsTab, cellTab);
        Button fix = new Button(i18n.get("evaluate.fixLabel"));
        fix.setId("evaluate-fix");
        fix.setOnAction(event -> viewModel.fixLabel(
                (lists.getSelectionModel().getSelectedItem() == cellTab ? cellItems : errors).getSelectionModel().getSelectedItem()));
        Label fixHint = new Label(i18n.get("evaluate.fixHint"));
        fixHint.getStyleClass().add("text-muted");
        VBox bottom = new VBox(6, lists, new HBox(12, fix, fixHint));
        VBox.setVgrow(lists, Priority.ALWAYS);
        SplitPane body = new SplitPane(middle, bottom);
        body.setOrientation(javafx.geometry.Orientation.VERTICAL);
        body.setDividerPositions(0.5);
        VBox.setVgrow(body, Priority.ALWAYS);

        VBox root = new VBox(10, toolbar(), summary, previous, body);
        root.setPadding(new Insets(16));
        viewModel.outcomeProperty().addListener((obs, old, outcome) -> show(outcome));
        viewModel.selectedCellProperty().addListener((obs, old, cell) ->
                showCell(cell == null ? null : "evaluate-cell-" + cell.gold() + "-" + cell.predicted()));
        viewModel.labelConfusionProperty().addListener((obs, old, confusion) -> {
            var shown = viewModel.outcomeProperty().get();
            if (shown != null && shown.evaluation().multiLabel()) {
                showLabelMatrix(confusion);
            }
        });
        viewModel.selectedLabelCellProperty().addListener((obs, old, cell) ->
                showCell(cell == null ? null : "evaluate-label-cell-" + LabelConfusionPane.cssName(cell)));
        viewModel.misclassified().addListener((javafx.collections.ListChangeListener<ItemResult>) change -> titleTabs());
        viewModel.cellItems().addListener((javafx.collections.ListChangeListener<ItemResult>) change -> titleTabs());
        show(viewModel.outcomeProperty().get());
        return root;
    }

    private VBox toolbar() {
        Label modelLabel = new Label(i18n.get("evaluate.model"));
        ComboBox<EvaluateViewModel.ModelChoice> model = new ComboBox<>(viewModel.choices());
        model.setId("evaluate-model");
        model.setPrefWidth(360);
        model.valueProperty().bindBidirectional(viewModel.selectedModelProperty());
        model.setPromptText(i18n.get("evaluate.model.prompt"));
        Button folder = new Button(i18n.get("evaluate.folder"));
        folder.setId("evaluate-folder");
        folder.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(i18n.get("evaluate.folder.title"));
            File dir = chooser.showDialog(folder.getScene().getWindow());
            if (dir != null) {
                viewModel.select(dir.toPath());
            }
        });
        Label splitLabel = new Label(i18n.get("evaluate.split"));
        ComboBox<EvaluationSplit> split = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(EvaluationSplit.values()));
        split.setId("evaluate-split");
        split.valueProperty().bindBidirectional(viewModel.splitProperty());
        split.setConverter(new StringConverter<>() {
            @Override
            public String toString(EvaluationSplit value) {
                return value == null ? "" : i18n.get("evaluate.split." + value.key());
            }

            @Override
            public EvaluationSplit fromString(String text) {
                return null;
            }
        });
        Button run = new Button(i18n.get("evaluate.run"));
        run.setId("evaluate-run");
        run.getStyleClass().add("accent");
        run.setDefaultButton(true);
        run.disableProperty().bind(viewModel.busyProperty().or(viewModel.selectedModelProperty().isNull()));
        run.setOnAction(event -> viewModel.evaluate());
        Button cancel = new Button(i18n.get("evaluate.cancel"));
        cancel.setId("evaluate-cancel");
        cancel.disableProperty().bind(viewModel.busyProperty().not());
        cancel.setOnAction(event -> viewModel.cancel());
        Button refresh = new Button(i18n.get("evaluate.refresh"));
        refresh.setId("evaluate-refresh");
        refresh.setOnAction(event -> viewModel.refreshChoices());
        ProgressBar progress = new ProgressBar();
        progress.setId("evaluate-progress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(viewModel.busyProperty());
        Label message = new Label();
        message.setId("evaluate-message");
        message.textProperty().bind(viewModel.messageProperty());
        message.setWrapText(true);
        for (Region fixed : new Region[] {modelLabel, folder, refresh, splitLabel, run, cancel}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE); // the model chooser shrinks first, never a button's text
        }
        model.setMinWidth(160);
        HBox.setHgrow(model, Priority.SOMETIMES);
        HBox choose = new HBox(8, modelLabel, model, folder, refresh, splitLabel, split, run, cancel);
        choose.setAlignment(Pos.CENTER_LEFT);
        HBox status = new HBox(8, progress, message);
        status.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, choose, status);
    }

    private void show(EvaluationService.Outcome outcome) {
        matrixBox.getChildren().clear();
        classes.getSelectionModel().clearSelection();
        if (outcome == null) {
            summary.setText(i18n.get("evaluate.none"));
            previous.setText("");
            titleTabs();
            return;
        }
        summary.setText(EvaluateFormat.summary(i18n, outcome));
        previous.setText(EvaluateFormat.previous(i18n, outcome));
        var evaluation = outcome.evaluation();
        if (evaluation.multiLabel()) {
            showLabelMatrix(null);
        } else {
            Label title = new Label(i18n.get("evaluate.matrix.title"));
            title.getStyleClass().add("text-bold");
            matrixBox.getChildren().addAll(title, ConfusionMatrixPane.build(i18n, evaluation.labels(),
                    evaluation.metrics().confusion(), viewModel::selectCell));
        }
        titleTabs();
        lists.getSelectionModel().select(errorsTab);
    }

    /** Multi-label: the chosen label's 2×2 matrix, or (none chosen) how to get one. */
    private void showLabelMatrix(LabelConfusion confusion) {
        Label title = new Label(confusion == null ? i18n.get("evaluate.labelMatrix.prompt")
                : i18n.get("evaluate.labelMatrix.title", confusion.label(), confusion.total()));
        title.getStyleClass().add("text-bold");
        title.setWrapText(true);
        Label note = new Label(i18n.get("evaluate.labelMatrix.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        matrixBox.getChildren().setAll(title);
        if (confusion != null) {
            matrixBox.getChildren().add(LabelConfusionPane.build(i18n, confusion, viewModel::selectLabelCell));
        }
        matrixBox.getChildren().add(note);
        titleTabs();
    }

    /** Outlines the clicked heatmap cell (by node id; null: none) and shows its comments. */
    private void showCell(String cellId) {
        matrixBox.lookupAll(".confusion-cell").forEach(node -> ((Region) node).setBorder(null));
        if (cellId != null) {
            Region selected = (Region) matrixBox.lookup("#" + cellId);
            if (selected != null) {
                selected.setBorder(new Border(new BorderStroke(Color.web("#f0a500"), BorderStrokeStyle.SOLID, null,
                        new BorderWidths(3))));
            }
            lists.getSelectionModel().select(cellTab);
        }
        titleTabs();
    }

    private void titleTabs() {
        errorsTab.setText(i18n.get("evaluate.errors", viewModel.misclassified().size()));
        EvaluateViewModel.Cell cell = viewModel.selectedCellProperty().get();
        var outcome = viewModel.outcomeProperty().get();
        LabelConfusion label = viewModel.labelConfusionProperty().get();
        LabelOutcome labelCell = viewModel.selectedLabelCellProperty().get();
        if (label != null) {
            cellTab.setText(labelCell == null ? i18n.get("evaluate.labelMatrix.cellNone", label.label())
                    : i18n.get("evaluate.labelMatrix.cellTab", label.label(), i18n.get(LabelConfusionPane.outcomeKey(labelCell)),
                            viewModel.cellItems().size()));
            return;
        }
        cellTab.setText(cell == null || outcome == null ? i18n.get("evaluate.cell.none")
                : i18n.get("evaluate.cell", outcome.evaluation().labels().get(cell.gold()),
                        outcome.evaluation().labels().get(cell.predicted()), viewModel.cellItems().size()));
    }
}
