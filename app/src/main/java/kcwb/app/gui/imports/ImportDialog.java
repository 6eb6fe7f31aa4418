package kcwb.app.gui.imports;

import java.io.File;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import kcwb.app.gui.common.I18n;
import kcwb.storage.io.ImportFormat;
import kcwb.storage.io.ImportProblem;

/** File ▸ preview ▸ format and columns ▸ options ▸ import with progress and cancel ▸ rejected rows and "save report". */
public final class ImportDialog {
    private final ImportViewModel viewModel;
    private final I18n i18n;
    private final Supplier<String> annotator;

    public ImportDialog(ImportViewModel viewModel, Supplier<String> annotator) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
        this.annotator = annotator;
    }

    /** Shows the dialog without blocking (the import runs in the background). */
    public void show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("import.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(content(owner));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("import-dialog");
        dialog.getDialogPane().setPrefWidth(820);
        dialog.show();
    }

    private GridPane content(Window owner) {
        TextField file = new TextField();
        file.setId("import-file");
        file.textProperty().bindBidirectional(viewModel.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(i18n.get("import.browse"));
        browse.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get("import.title"));
            File chosen = chooser.showOpenDialog(owner);
            if (chosen != null) {
                viewModel.fileProperty().set(chosen.getPath());
                viewModel.loadPreview();
            }
        });
        Button previewButton = new Button(i18n.get("import.preview"));
        previewButton.setId("import-preview");
        previewButton.setOnAction(event -> viewModel.loadPreview());
        file.setOnAction(event -> viewModel.loadPreview());
        ListView<String> preview = new ListView<>(viewModel.preview());
        preview.setId("import-preview-lines");
        preview.setPrefHeight(150);

        ComboBox<ImportFormat> format = new ComboBox<>();
        format.getItems().setAll(ImportFormat.values());
        format.setId("import-format");
        format.valueProperty().bindBidirectional(viewModel.formatProperty());
        CheckBox header = check("import.header", "import-header");
        header.selectedProperty().bindBidirectional(viewModel.headerProperty());
        TextField text = field("import-text-column", 6);
        text.textProperty().bindBidirectional(viewModel.textColumnProperty());
        TextField label = field("import-label-column", 6);
        label.textProperty().bindBidirectional(viewModel.labelColumnProperty());

        CheckBox dedupe = check("import.dedupe", "import-dedupe");
        dedupe.selectedProperty().bindBidirectional(viewModel.dedupeProperty());
        Spinner<Integer> minLength = new Spinner<>(0, 1000, viewModel.minLengthProperty().get());
        minLength.setId("import-min-length");
        minLength.setPrefWidth(90);
        minLength.valueProperty().addListener((obs, old, value) -> viewModel.minLengthProperty().set(value));
        CheckBox split = check("import.split", "import-split");
        split.selectedProperty().bindBidirectional(viewModel.splitProperty());
        CheckBox create = check("import.createLabels", "import-create-labels");
        create.selectedProperty().bindBidirectional(viewModel.createLabelsProperty());
        CheckBox skip = check("import.skipBadRows", "import-skip");
        skip.selectedProperty().bindBidirectional(viewModel.skipBadRowsProperty());

        Button run = new Button(i18n.get("import.run"));
        run.setId("import-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(viewModel.runningProperty().or(viewModel.fileProperty().isEmpty()));
        run.setOnAction(event -> viewModel.runImport(annotator.get()));
        Button cancel = new Button(i18n.get("import.cancel"));
        cancel.setId("import-cancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(event -> viewModel.cancel());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.runningProperty());
        Label summary = new Label();
        summary.setId("import-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        Button save = new Button(i18n.get("import.saveReport"));
        save.setId("import-save-report");
        save.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.problems()));
        save.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("import-problems.tsv");
            File target = chooser.showSaveDialog(owner);
            if (target != null) {
                viewModel.saveReport(target.toPath());
            }
        });

        GridPane grid = new GridPane(10, 8);
        grid.setPadding(new Insets(8));
        int row = 0;
        grid.addRow(row++, new Label(i18n.get("import.file")), new HBox(8, file, browse, previewButton));
        grid.addRow(row++, new Label(i18n.get("import.firstLines")), preview);
        grid.addRow(row++, new Label(i18n.get("import.format")), new HBox(10, format, header,
                new Label(i18n.get("import.textColumn")), text, new Label(i18n.get("import.labelColumn")), label));
        grid.addRow(row++, new Label(i18n.get("import.options")), new HBox(10, dedupe, new Label(i18n.get("import.minLength")),
                minLength, split, create, skip));
        grid.addRow(row++, new Label(""), new HBox(10, run, cancel, progress));
        grid.addRow(row++, new Label(i18n.get("import.result")), summary);
        grid.addRow(row, new Label(i18n.get("import.problems")), problemsTable(), save);
        GridPane.setHgrow(preview, Priority.ALWAYS);
        return grid;
    }

    private TableView<ImportProblem> problemsTable() {
        TableView<ImportProblem> table = new TableView<>(viewModel.problems());
        table.setId("import-problems");
        table.setPrefHeight(180);
        TableColumn<ImportProblem, String> line = new TableColumn<>(i18n.get("import.col.line"));
        line.setCellValueFactory(cell -> new SimpleStringProperty(Long.toString(cell.getValue().line())));
        line.setPrefWidth(70);
        TableColumn<ImportProblem, String> reason = new TableColumn<>(i18n.get("import.col.reason"));
        reason.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().reason()));
        reason.setPrefWidth(520);
        table.getColumns().add(line);
        table.getColumns().add(reason);
        table.setPlaceholder(new Label(i18n.get("import.noProblems")));
        return table;
    }

    private CheckBox check(String key, String id) {
        CheckBox box = new CheckBox(i18n.get(key));
        box.setId(id);
        return box;
    }

    private static TextField field(String id, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        return field;
    }
}
