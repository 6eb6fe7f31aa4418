package kcwb.app.gui.models;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.shell.ViewContext;
import kcwb.app.service.models.ExportedModels;
import kcwb.app.service.train.ModelExportService;

/**
 * Export a checkpoint as a Hugging Face folder (the same code as {@code kcwb export-model}): target folder, what
 * will be written, export in the background, the folder when done. Any view opens it with
 * {@link #show(ViewContext, Path)}.
 */
public final class ExportModelDialog {
    private final ExportModelViewModel viewModel;
    private final I18n i18n;

    public ExportModelDialog(ExportModelViewModel viewModel) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
    }

    /** Opens the export dialog for {@code checkpoint}; the exported folder then appears in the models view. */
    public static Dialog<Void> show(ViewContext context, Path checkpoint) {
        return show(context, checkpoint, folder -> { });
    }

    /** As {@link #show(ViewContext, Path)}, also telling {@code afterExport} the exported folder (FX thread). */
    public static Dialog<Void> show(ViewContext context, Path checkpoint, java.util.function.Consumer<Path> afterExport) {
        ExportedModels exported = new ExportedModels(context.shell().configDir());
        ExportModelViewModel viewModel = new ExportModelViewModel(context.i18n(), context.taskRunner(), checkpoint,
                new ModelExportService(), Path.of(System.getProperty("user.home")), folder -> {
                    try {
                        exported.remember(folder);
                    } catch (IOException ignored) {
                        // the export itself succeeded; only the list entry is lost
                    }
                    afterExport.accept(folder);
                });
        Window owner = javafx.stage.Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(null);
        return new ExportModelDialog(viewModel).show(owner);
    }

    public Dialog<Void> show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(i18n.get("models.export.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(content(owner));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("export-model-dialog");
        dialog.getDialogPane().setPrefWidth(680);
        dialog.show();
        return dialog;
    }

    private VBox content(Window owner) {
        Label source = new Label(i18n.get("models.export.checkpoint", viewModel.checkpoint()));
        source.setWrapText(true);
        TextField target = new TextField();
        target.setId("export-model-target");
        target.textProperty().bindBidirectional(viewModel.targetProperty());
        HBox.setHgrow(target, Priority.ALWAYS);
        Button browse = new Button(i18n.get("models.export.browse"));
        browse.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(i18n.get("models.export.title"));
            File parent = Path.of(viewModel.targetProperty().get()).toAbsolutePath().getParent().toFile();
            if (parent.isDirectory()) {
                chooser.setInitialDirectory(parent);
            }
            File chosen = chooser.showDialog(owner);
            if (chosen != null) {
                viewModel.targetProperty().set(chosen.toPath().resolve(viewModel.checkpoint().getFileName()).toString());
            }
        });
        ListView<String> plan = new ListView<>(viewModel.plan());
        plan.setId("export-model-plan");
        plan.setPrefHeight(180);
        Button export = new Button(i18n.get("models.export.run"));
        export.setId("export-model-run");
        export.setDefaultButton(true);
        export.disableProperty().bind(viewModel.runningProperty());
        export.setOnAction(event -> viewModel.export());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(viewModel.runningProperty());
        Label message = new Label();
        message.setId("export-model-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        VBox box = new VBox(10, source, new Label(i18n.get("models.export.target")), new HBox(8, target, browse),
                new Label(i18n.get("models.export.writes")), plan, new HBox(8, export, busy), message);
        box.setPadding(new Insets(8));
        return box;
    }
}
