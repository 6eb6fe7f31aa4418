package kcwb.app.gui.train;

import java.io.File;
import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import kcwb.app.gui.common.I18n;
import kcwb.storage.project.Project;
import kcwb.training.text.CleaningRecipe;
import kcwb.training.train.TrainingPresets;

/** The left column of the Train view: project, base model, preset, hyperparameters, output folder, splits. Binding only. */
final class TrainFormPane {
    private final TrainViewModel viewModel;
    private final I18n i18n;
    private final javafx.collections.ObservableList<Project> projects;

    TrainFormPane(TrainViewModel viewModel, javafx.collections.ObservableList<Project> projects) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
        this.projects = projects;
    }

    Node build() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(names, values);
        int row = 0;
        grid.addRow(row++, label("train.project"), projectBox());
        grid.addRow(row++, label("train.baseModel"), baseModelRow());
        grid.addRow(row++, label("train.taskPreset"), combo("train-preset",
                FXCollections.observableArrayList(TrainingPresets.names()), viewModel.form().taskPresetProperty()));
        grid.addRow(row++, label("train.cleaning"), combo("train-cleaning",
                FXCollections.observableArrayList(CleaningRecipe.ids()), viewModel.form().cleaningProperty()));
        for (TrainForm.Field field : TrainForm.Field.values()) {
            TextField text = new TextField();
            text.setId("train-field-" + field.key());
            text.setPrefColumnCount(8);
            text.textProperty().bindBidirectional(viewModel.form().textProperty(field));
            if (field == TrainForm.Field.MAX_STEPS) {
                text.setPromptText(i18n.get("train.field.maxSteps.prompt"));
            }
            grid.addRow(row++, label("train.field." + field.key()),
                    new VBox(2, text, errorLabel(field.key(), viewModel.form().errorProperty(field))));
        }
        grid.addRow(row++, label("train.field.metric"), new VBox(2, metricBox(),
                errorLabel("metric", viewModel.form().metricErrorProperty())));
        Label problem = new Label();
        problem.setId("train-config-problem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.form().configProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        grid.add(problem, 0, row++, 2, 1);
        grid.addRow(row++, label("train.outFolder"), outFolderRow());

        VBox box = new VBox(10, grid, new SplitTable(viewModel).build());
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    private static Label errorLabel(String key, javafx.beans.value.ObservableStringValue message) {
        Label error = new Label();
        error.setId("train-error-" + key);
        error.getStyleClass().add("field-error");
        error.textProperty().bind(message);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.setWrapText(true);
        return error;
    }

    /** The metric that ranks checkpoints, shown by name ("Macro-F1", "Dev loss (lowest wins)"). */
    private Node metricBox() {
        ComboBox<String> box = combo("train-field-metric", FXCollections.observableArrayList(TrainForm.METRICS),
                viewModel.form().metricProperty());
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String metric) {
                return metric == null ? "" : TrainForm.METRICS.contains(metric) ? i18n.get("train.metric." + metric) : metric;
            }

            @Override
            public String fromString(String text) {
                return TrainForm.METRICS.stream().filter(m -> i18n.get("train.metric." + m).equals(text)).findFirst()
                        .orElse(text);
            }
        });
        return box;
    }

    private Label label(String key) {
        Label label = new Label(i18n.get(key));
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private Node projectBox() {
        ComboBox<Project> box = new ComboBox<>(projects);
        box.setId("train-project");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Project project) {
                return project == null ? "" : project.name();
            }

            @Override
            public Project fromString(String name) {
                return projects.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
            }
        });
        box.valueProperty().bindBidirectional(viewModel.projectProperty());
        return box;
    }

    private Node baseModelRow() {
        ComboBox<BaseModelChoice> box = new ComboBox<>(viewModel.baseModels());
        box.setId("train-base-model");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(BaseModelChoice choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : describe(choice));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.valueProperty().bindBidirectional(viewModel.baseModelProperty());
        Button folder = new Button(i18n.get("train.baseModel.folder"));
        folder.setId("train-base-folder");
        folder.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(i18n.get("train.baseModel.folder"));
            File chosen = chooser.showDialog(box.getScene().getWindow());
            if (chosen != null) {
                BaseModelChoice choice = BaseModelChoice.folder(chosen.toPath());
                viewModel.baseModels().add(choice);
                viewModel.baseModelProperty().set(choice);
            }
        });
        HBox.setHgrow(box, Priority.ALWAYS);
        folder.setMinWidth(Button.USE_PREF_SIZE);
        return new HBox(6, box, folder);
    }

    private String describe(BaseModelChoice choice) {
        return switch (choice.kind()) {
            case DEMO -> i18n.get("train.baseModel.demo");
            case SCRATCH -> i18n.get("train.baseModel.scratch", choice.name());
            case HUB, FOLDER -> choice.name();
        };
    }

    private Node outFolderRow() {
        TextField text = new TextField();
        text.setId("train-out");
        text.textProperty().bindBidirectional(viewModel.outFolderProperty());
        Button choose = new Button("…");
        choose.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(i18n.get("train.outFolder"));
            File chosen = chooser.showDialog(text.getScene().getWindow());
            if (chosen != null) {
                viewModel.outFolderProperty().set(chosen.toPath().resolve(Path.of(text.getText()).getFileName()).toString());
            }
        });
        HBox.setHgrow(text, Priority.ALWAYS);
        return new HBox(6, text, choose);
    }

    private static ComboBox<String> combo(String id, javafx.collections.ObservableList<String> items,
            javafx.beans.property.StringProperty value) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        return box;
    }
}
