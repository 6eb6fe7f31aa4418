package kcwb.app.gui.label;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import kcwb.app.gui.common.EmojiText;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.KeyShortcuts;
import kcwb.app.service.LabelingService.ItemState;


/**
 * The labeling screen: the comment in large type, label buttons (keys 1–9), skip/previous/next, note,
 * undo/redo, the guideline beside the item and the KcELECTRA panel. Builds and binds; every decision is in
 * {@link LabelViewModel}. Keys are read on KEY_PRESSED from key codes, so they work while an IME composes.
 */
public final class LabelView {
    private final LabelViewModel viewModel;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final VBox itemText = new VBox();
    private final Label itemInfo = new Label();
    private final Label others = new Label();
    private final Label prediction = new Label();
    private final FlowPane labelButtons = new FlowPane(8, 8);
    private final Label progress = new Label();
    private final Label message = new Label();
    private final Label guideline = new Label();
    private final TextField note = new TextField();
    private final TextField jump = new TextField();

    private final Runnable editProject;

    /** {@code editProject} opens the project dialog (labels, colours, hotkeys, guideline). */
    public LabelView(LabelViewModel viewModel, Runnable editProject) {
        this.viewModel = viewModel;
        this.editProject = editProject;
        this.i18n = viewModel.i18n();
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("label-view");
        root.setFocusTraversable(true);
        root.setTop(topBar());
        SplitPane center = new SplitPane(itemCard(), sidePanel());
        center.setOrientation(Orientation.HORIZONTAL);
        center.setDividerPositions(0.62);
        root.setCenter(center);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.setOnMouseClicked(event -> root.requestFocus());
        viewModel.currentProperty().addListener((obs, old, state) -> showItem(state));
        viewModel.labels().addListener((javafx.collections.ListChangeListener<kcwb.storage.label.Label>) c -> rebuildButtons());
        viewModel.projectProperty().addListener((obs, old, project) -> showGuideline());
        showGuideline();
        progress.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> i18n.get("label.progress",
                viewModel.totalProperty().get() - viewModel.unlabeledProperty().get(), viewModel.totalProperty().get(),
                viewModel.unlabeledProperty().get()), viewModel.totalProperty(), viewModel.unlabeledProperty()));
        message.textProperty().bind(viewModel.messageProperty());
        note.textProperty().bindBidirectional(viewModel.noteProperty());
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(root::requestFocus);
            }
        });
        rebuildButtons();
        showItem(viewModel.currentProperty().get());
    }

    private void showGuideline() {
        var project = viewModel.projectProperty().get();
        guideline.setText(project == null ? "" : project.project().guideline());
    }

    private Node topBar() {
        progress.setId("label-progress");
        message.setId("label-message");
        message.getStyleClass().add("label-message");
        jump.setId("label-jump");
        jump.setPromptText(i18n.get("label.jump.prompt"));
        jump.setPrefColumnCount(8);
        jump.setOnAction(event -> {
            try {
                viewModel.jumpTo(Long.parseLong(jump.getText().strip()));
                jump.clear();
                root.requestFocus();
            } catch (NumberFormatException e) {
                viewModel.messageProperty().set(i18n.get("label.jump.invalid", jump.getText()));
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button project = button("label.project", "label-project", editProject);
        HBox bar = new HBox(12, progress, message, spacer, project, new Label(i18n.get("label.jump")), jump);
        bar.getStyleClass().add("label-top-bar");
        bar.setPadding(new Insets(10, 16, 10, 16));
        return bar;
    }

    private Node itemCard() {
        itemInfo.setId("label-item-info");
        itemInfo.getStyleClass().add("label-item-info");
        itemText.setId("label-item-text");
        itemText.getStyleClass().addAll("comment-card", "comment-large");
        others.setId("label-others");
        prediction.setId("label-prediction");
        prediction.getStyleClass().add("label-prediction");
        note.setId("label-note");
        note.setPromptText(i18n.get("label.note.prompt"));
        note.setOnAction(event -> {
            viewModel.saveNote();
            root.requestFocus();
        });
        note.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                root.requestFocus();
            }
        });
        HBox navigation = new HBox(8, button("label.previous", "label-previous", viewModel::previous),
                button("label.skip", "label-skip", viewModel::skip), button("label.next", "label-next", viewModel::next),
                button("label.undo", "label-undo", viewModel::undo), button("label.redo", "label-redo", viewModel::redo));
        HBox noteRow = new HBox(8, new Label(i18n.get("label.note")), note);
        HBox.setHgrow(note, Priority.ALWAYS);
        Label keys = new Label(i18n.get("label.keys"));
        keys.getStyleClass().add("label-keys");
        keys.setWrapText(true);
        VBox card = new VBox(12, itemInfo, itemText, labelButtons, prediction, others, noteRow, navigation, keys);
        card.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node sidePanel() {
        Label title = new Label(i18n.get("label.guideline"));
        title.getStyleClass().add("label-preview-heading");
        guideline.setId("label-guideline");
        guideline.setWrapText(true);
        VBox guide = new VBox(6, title, guideline);
        guide.setPadding(new Insets(12));
        VBox side = new VBox(8, guide, new LabelPreviewPane(viewModel.preview(), i18n).build());
        side.setMinWidth(260);
        return side;
    }

    private Button button(String key, String id, Runnable action) {
        Button button = new Button(i18n.get(key));
        button.setId(id);
        button.setFocusTraversable(false);
        button.setOnAction(event -> {
            action.run();
            root.requestFocus();
        });
        return button;
    }

    private void rebuildButtons() {
        labelButtons.getChildren().clear();
        int index = 0;
        for (kcwb.storage.label.Label label : viewModel.labels()) {
            int position = index++;
            String hotkey = label.hotkey() != null ? label.hotkey() + "  " : position < 9 ? (position + 1) + "  " : "";
            Button button = button("label.button", "label-button-" + label.name(), () -> viewModel.pressLabel(position));
            button.setText(hotkey + label.displayName() + (label.displayName().equals(label.name()) ? "" : " (" + label.name() + ")"));
            button.getStyleClass().add("label-choice");
            button.setStyle("-fx-border-color: " + label.color() + "; -fx-border-width: 0 0 0 6;");
            labelButtons.getChildren().add(button);
        }
        showItem(viewModel.currentProperty().get());
    }

    private void showItem(ItemState state) {
        itemText.getChildren().clear();
        if (state == null) {
            itemInfo.setText(i18n.get("label.noItem"));
            prediction.setText("");
            others.setText("");
            return;
        }
        var item = state.item();
        itemInfo.setText(i18n.get("label.itemInfo", Long.toString(item.id()), item.split() == null ? "-" : item.split().key(),
                item.sourceFile() == null ? "-" : item.sourceFile() + (item.sourceLine() == null ? "" : ":" + item.sourceLine())));
        TextFlow flow = EmojiText.toTextFlow(item.text(), EmojiText.Mode.NAMES);
        itemText.getChildren().add(flow);
        for (Node node : labelButtons.getChildren()) {
            String name = node.getId().substring("label-button-".length());
            node.getStyleClass().removeAll("chosen", "predicted");
            if (state.myLabels().contains(name)) {
                node.getStyleClass().add("chosen");
            }
            if (state.prediction() != null && List.of(state.prediction().label().split(",")).contains(name)) {
                node.getStyleClass().add("predicted"); // the pre-annotation: the model's choice, one key away
            }
        }
        prediction.setText(state.prediction() == null ? "" : i18n.get("label.prediction", state.prediction().label(),
                LabelFormat.confidence(state.prediction())));
        others.setText(state.others().isEmpty() ? "" : i18n.get("label.others", LabelFormat.others(state.others())));
    }

    private void onKey(KeyEvent event) {
        boolean typing = event.getTarget() instanceof TextInputControl;
        if (typing) {
            return; // the note and jump fields keep their keys (digits, Ctrl+Z)
        }
        var index = KeyShortcuts.labelIndex(event);
        if (index.isPresent()) {
            viewModel.pressKey(index.getAsInt());
        } else if (KeyShortcuts.isRedo(event)) {
            viewModel.redo();
        } else if (KeyShortcuts.isUndo(event)) {
            viewModel.undo();
        } else if (event.getCode() == KeyCode.S || event.getCode() == KeyCode.SPACE) {
            viewModel.skip();
        } else if (event.getCode() == KeyCode.RIGHT) {
            viewModel.next();
        } else if (event.getCode() == KeyCode.LEFT) {
            viewModel.previous();
        } else if (event.getCode() == KeyCode.N && !event.isShortcutDown()) {
            note.requestFocus();
        } else {
            return;
        }
        event.consume();
    }
}
