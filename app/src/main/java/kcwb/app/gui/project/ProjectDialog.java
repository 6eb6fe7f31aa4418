package kcwb.app.gui.project;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import kcwb.app.gui.common.I18n;
import kcwb.storage.project.TaskType;

/** Project name and task type (when creating), labels with colour and hotkey, guideline. Binding only. */
public final class ProjectDialog {
    private final ProjectViewModel viewModel;
    private final I18n i18n;
    private final VBox labelRows = new VBox(6);

    public ProjectDialog(ProjectViewModel viewModel) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
    }

    public void show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("project.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("project-dialog");
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setPrefWidth(720);
        viewModel.load();
        dialog.show();
    }

    private VBox content() {
        TextField name = new TextField();
        name.setId("project-name");
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        name.disableProperty().bind(viewModel.existsProperty());
        ComboBox<TaskType> type = new ComboBox<>();
        type.getItems().setAll(TaskType.SINGLE_LABEL, TaskType.MULTI_LABEL);
        type.setId("project-task-type");
        type.valueProperty().bindBidirectional(viewModel.taskTypeProperty());
        type.disableProperty().bind(viewModel.existsProperty());
        Button create = new Button(i18n.get("project.create"));
        create.setId("project-create");
        create.disableProperty().bind(viewModel.existsProperty());
        create.setOnAction(event -> viewModel.create());

        TextField newLabel = new TextField();
        newLabel.setId("project-new-label");
        newLabel.setPromptText(i18n.get("project.newLabel"));
        Button add = new Button(i18n.get("project.addLabel"));
        add.setId("project-add-label");
        add.disableProperty().bind(viewModel.existsProperty().not());
        add.setOnAction(event -> {
            viewModel.addLabel(newLabel.getText());
            newLabel.clear();
        });
        viewModel.labels().addListener((javafx.collections.ListChangeListener<kcwb.storage.label.Label>) c -> rebuildLabels());

        TextArea guideline = new TextArea();
        guideline.setId("project-guideline");
        guideline.setPrefRowCount(6);
        guideline.setWrapText(true);
        guideline.textProperty().bindBidirectional(viewModel.guidelineProperty());
        Button saveGuideline = new Button(i18n.get("project.saveGuideline"));
        saveGuideline.setId("project-save-guideline");
        saveGuideline.disableProperty().bind(viewModel.existsProperty().not());
        saveGuideline.setOnAction(event -> viewModel.saveGuideline());
        Label message = new Label();
        message.setId("project-message");
        message.textProperty().bind(viewModel.messageProperty());

        GridPane head = new GridPane(10, 8);
        head.addRow(0, new Label(i18n.get("project.name")), name, new Label(i18n.get("project.taskType")), type, create);
        VBox box = new VBox(10, head, new Label(i18n.get("project.labels")), labelRows, new HBox(8, newLabel, add),
                new Label(i18n.get("project.guideline")), guideline, new HBox(8, saveGuideline, message));
        box.setPadding(new Insets(8));
        return box;
    }

    private void rebuildLabels() {
        labelRows.getChildren().clear();
        for (kcwb.storage.label.Label label : viewModel.labels()) {
            TextField display = new TextField(label.displayName());
            ColorPicker color = new ColorPicker(safeColor(label.color()));
            TextField hotkey = new TextField(label.hotkey() == null ? "" : label.hotkey());
            hotkey.setPrefColumnCount(2);
            Button save = new Button(i18n.get("project.saveLabel"));
            save.setId("project-save-label-" + label.name());
            save.setOnAction(event -> viewModel.updateLabel(label, display.getText(), hex(color.getValue()), hotkey.getText().strip()));
            Label key = new Label(label.name());
            key.setMinWidth(90);
            labelRows.getChildren().add(new HBox(8, key, display, color, new Label(i18n.get("project.hotkey")), hotkey, save));
        }
    }

    private static Color safeColor(String web) {
        try {
            return Color.web(web);
        } catch (RuntimeException e) {
            return Color.GRAY;
        }
    }

    private static String hex(Color color) {
        return String.format("#%02X%02X%02X", Math.round(color.getRed() * 255), Math.round(color.getGreen() * 255),
                Math.round(color.getBlue() * 255));
    }
}
