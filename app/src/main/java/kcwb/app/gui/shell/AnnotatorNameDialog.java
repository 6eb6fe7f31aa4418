package kcwb.app.gui.shell;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import kcwb.app.gui.common.I18n;

/** First start: asks who is labelling; the name goes with every annotation. OK stays disabled until valid. */
public final class AnnotatorNameDialog {
    private AnnotatorNameDialog() {}

    /** Shows the dialog and saves the name through the view model; empty when the user cancelled. */
    public static Optional<String> ask(Window owner, MainViewModel viewModel) {
        I18n i18n = viewModel.i18n();
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("annotator.title"));
        dialog.setHeaderText(i18n.get("annotator.header"));
        TextField name = new TextField(viewModel.annotatorProperty().get());
        name.setId("annotator-name");
        name.setPromptText(i18n.get("annotator.prompt"));
        Label error = new Label();
        error.setId("annotator-error");
        error.getStyleClass().add("danger");
        name.textProperty().addListener((obs, old, text) -> {
            String problem = viewModel.validateAnnotatorName(text);
            error.setText(problem == null ? "" : problem);
        });
        dialog.getDialogPane().setContent(new VBox(8, name, error));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(name.textProperty().map(text -> viewModel.validateAnnotatorName(text) != null));
        dialog.setResultConverter(button -> button == ButtonType.OK ? name.getText().strip() : null);
        Optional<String> result = dialog.showAndWait();
        result.ifPresent(viewModel::setAnnotatorName);
        return result;
    }
}
