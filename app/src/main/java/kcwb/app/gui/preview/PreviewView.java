package kcwb.app.gui.preview;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.DirectoryChooser;
import kcwb.app.gui.common.EmojiText;
import kcwb.app.gui.common.I18n;
import kcwb.training.text.CleaningRecipe;
import kcwb.training.text.CleaningRule;

/**
 * The first screen: comments on the left (one per line), the selected one on the right as the original
 * with each rule's removals coloured, the cleaned text, and the tokens as chips. Binding only; every
 * decision is in {@link PreviewViewModel}.
 */
public final class PreviewView {
    private final PreviewViewModel viewModel;
    private final I18n i18n;
    private final VBox root;
    private final TextFlow originalFlow = new TextFlow();
    private final TextFlow cleanedFlow = new TextFlow();
    private final FlowPane chipPane = new FlowPane(4, 4);
    private final Label counts = new Label();

    public PreviewView(PreviewViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        Label title = new Label(i18n.get("nav.preview"));
        title.getStyleClass().addAll("title-2", "view-title");
        Label hint = new Label(i18n.get("preview.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        SplitPane split = new SplitPane(inputPane(), detailPane());
        split.setDividerPositions(0.36);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = new VBox(10, title, hint, toolbar(), split);
        root.getStyleClass().addAll("view-pane", "preview-view");

        viewModel.previewProperty().addListener((obs, was, now) -> redraw());
        viewModel.hoveredTokenProperty().addListener((obs, was, now) -> redrawCleaned());
        viewModel.selectedTokenProperty().addListener((obs, was, now) -> redrawCleaned());
        redraw();
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        ComboBox<String> recipe = new ComboBox<>();
        recipe.setId("preview-recipe");
        recipe.getItems().setAll(CleaningRecipe.ids());
        recipe.getItems().add(PreviewViewModel.CUSTOM_RECIPE);
        recipe.valueProperty().bindBidirectional(viewModel.recipeIdProperty());

        Spinner<Integer> maxLen = new Spinner<>();
        maxLen.setId("preview-max-len");
        maxLen.setEditable(true);
        maxLen.setPrefWidth(90);
        maxLen.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(3, PreviewViewModel.MAX_MAX_LEN,
                PreviewViewModel.DEFAULT_MAX_LEN));
        maxLen.getValueFactory().valueProperty().bindBidirectional(viewModel.maxLenProperty());

        Button chooseModel = new Button(i18n.get("preview.model.choose"));
        chooseModel.setId("preview-choose-model");
        chooseModel.disableProperty().bind(viewModel.loadingProperty());
        chooseModel.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(i18n.get("preview.model.chooserTitle"));
            File folder = chooser.showDialog(root.getScene().getWindow());
            if (folder != null) {
                viewModel.chooseModelFolder(folder.toPath());
            }
        });
        Button demo = new Button(i18n.get("preview.model.useDemo"));
        demo.setId("preview-use-demo");
        demo.disableProperty().bind(viewModel.loadingProperty().or(viewModel.modelFolderProperty().isNull()));
        demo.setOnAction(event -> viewModel.useDemoTokenizer());
        Label status = new Label();
        status.setId("preview-model-status");
        status.textProperty().bind(viewModel.tokenizerStatusProperty());
        status.getStyleClass().add("text-muted");

        HBox bar = new HBox(8, new Label(i18n.get("preview.recipe")), recipe, gap(),
                new Label(i18n.get("preview.maxLen")), maxLen, gap(), chooseModel, demo, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Region gap() {
        Region gap = new Region();
        gap.setMinWidth(12);
        return gap;
    }

    private Node inputPane() {
        TextArea input = new TextArea();
        input.setId("preview-input");
        input.setPromptText(i18n.get("preview.input.prompt"));
        input.setPrefRowCount(8);
        input.setWrapText(false);
        input.textProperty().bindBidirectional(viewModel.inputProperty());

        ListView<String> list = new ListView<>(viewModel.comments());
        list.setId("preview-comments");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : EmojiText.withNames(item));
            }
        });
        viewModel.selectedIndexProperty().addListener((obs, was, now) -> {
            if (list.getSelectionModel().getSelectedIndex() != now.intValue()) {
                list.getSelectionModel().select(now.intValue());
            }
        });
        list.getSelectionModel().select(viewModel.selectedIndexProperty().get());
        list.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> {
            if (now.intValue() >= 0) {
                viewModel.selectedIndexProperty().set(now.intValue());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox pane = new VBox(6, sectionLabel("preview.input"), input, sectionLabel("preview.comments"), list);
        pane.setPadding(new Insets(0, 8, 0, 0));
        return pane;
    }

    private Node detailPane() {
        originalFlow.setId("preview-original");
        cleanedFlow.setId("preview-cleaned");
        chipPane.setId("preview-tokens");
        counts.setId("preview-counts");
        originalFlow.getStyleClass().addAll("comment-flow", "preview-text");
        cleanedFlow.getStyleClass().addAll("comment-flow", "preview-text");
        VBox detail = new VBox(8,
                sectionLabel("preview.original"), originalFlow,
                sectionLabel("preview.rules"), ruleToggles(),
                sectionLabel("preview.cleaned"), cleanedFlow,
                sectionLabel("preview.tokens"), counts, chipPane);
        detail.setPadding(new Insets(0, 8, 8, 12));
        detail.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** One check box per rule: the legend (its colour) and the toggle at once; the tooltip explains it. */
    private Node ruleToggles() {
        FlowPane pane = new FlowPane(14, 6);
        pane.setId("preview-rules");
        List<CleaningRule> rules = viewModel.rules();
        for (int i = 0; i < rules.size(); i++) {
            CleaningRule rule = rules.get(i);
            CheckBox box = new CheckBox(ruleName(rule));
            box.setId("rule-" + rule.key());
            box.selectedProperty().bindBidirectional(viewModel.ruleEnabledProperty(rule.key()));
            Region swatch = new Region();
            swatch.getStyleClass().addAll("rule-swatch", "rule-" + i);
            box.setGraphic(swatch);
            Tooltip tip = new Tooltip(ruleDescription(rule) + "\n" + i18n.get("preview.rule.example",
                    EmojiText.withNames(rule.exampleInput())));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            box.setTooltip(tip);
            pane.getChildren().add(box);
        }
        return pane;
    }

    private String ruleName(CleaningRule rule) {
        return i18n.get("rule." + rule.key() + ".name");
    }

    private String ruleDescription(CleaningRule rule) {
        return i18n.get("rule." + rule.key() + ".description");
    }

    private Label sectionLabel(String key) {
        Label label = new Label(i18n.get(key));
        label.getStyleClass().add("preview-section");
        return label;
    }

    private void redraw() {
        redrawOriginal();
        redrawCleaned();
        redrawChips();
        counts.setText(viewModel.loadingProperty().get() && viewModel.tokenizerProperty().get() == null
                ? i18n.get("preview.tokens.waiting") : viewModel.countsText());
    }

    private void redrawOriginal() {
        List<Node> nodes = new ArrayList<>();
        List<CleaningRule> rules = viewModel.rules();
        for (PreviewParts.Run run : viewModel.originalRuns()) {
            if (run.mark() == null) {
                nodes.addAll(EmojiText.nodes(run.text(), EmojiText.Mode.NAMES));
                continue;
            }
            int ruleIndex = indexOfRule(rules, run.mark());
            // Removed whitespace would be invisible: show it as a visible space mark.
            String shown = run.text().isBlank() ? "␣".repeat(run.text().length()) : run.text();
            for (Node node : EmojiText.nodes(shown, EmojiText.Mode.NAMES)) {
                node.getStyleClass().addAll("removed", "rule-" + ruleIndex);
                Tooltip.install(node, new Tooltip(i18n.get("preview.removedBy", ruleIndex < 0 ? run.mark()
                        : ruleName(rules.get(ruleIndex)))));
                nodes.add(node);
            }
        }
        originalFlow.getChildren().setAll(nodes);
    }

    private static int indexOfRule(List<CleaningRule> rules, String key) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void redrawCleaned() {
        List<Node> nodes = new ArrayList<>();
        for (PreviewParts.Run run : viewModel.cleanedRuns()) {
            for (Node node : EmojiText.nodes(run.text(), EmojiText.Mode.NAMES)) {
                if (run.mark() != null) {
                    node.getStyleClass().add(run.mark().equals(PreviewParts.MARK_FOCUS) ? "token-focus" : "token-cut-text");
                }
                nodes.add(node);
            }
        }
        if (nodes.isEmpty() && viewModel.previewProperty().get() != null) {
            Text empty = new Text(i18n.get("preview.cleaned.empty"));
            empty.getStyleClass().add("text-muted");
            nodes.add(empty);
        }
        cleanedFlow.getChildren().setAll(nodes);
    }

    private void redrawChips() {
        List<Node> chips = new ArrayList<>();
        boolean cutShown = false;
        for (PreviewParts.Chip chip : viewModel.chips()) {
            if (chip.cut() && !cutShown) {
                Label marker = new Label(i18n.get("preview.cutMarker", viewModel.maxLenProperty().get()));
                marker.getStyleClass().add("token-cut-marker");
                chips.add(marker);
                cutShown = true;
            }
            chips.add(chipLabel(chip));
        }
        chipPane.getChildren().setAll(chips);
    }

    private Label chipLabel(PreviewParts.Chip chip) {
        Label label = new Label(EmojiText.withNames(chip.text()));
        label.getStyleClass().add("token-chip");
        if (chip.unknown()) {
            label.getStyleClass().add("token-unk");
        }
        if (chip.special()) {
            label.getStyleClass().add("token-special");
        }
        if (chip.cut()) {
            label.getStyleClass().add("token-cut");
        }
        String where = chip.charStart() < 0 ? "" : " [" + chip.charStart() + ", " + chip.charEnd() + ")";
        label.setTooltip(new Tooltip(i18n.get(chip.unknown() ? "preview.token.unk" : chip.cut() ? "preview.token.cut"
                : "preview.token", chip.index(), chip.text()) + where));
        label.setOnMouseEntered(event -> viewModel.hoveredTokenProperty().set(chip.index()));
        label.setOnMouseExited(event -> viewModel.hoveredTokenProperty().set(-1));
        label.setOnMouseClicked(event -> viewModel.selectedTokenProperty().set(
                viewModel.selectedTokenProperty().get() == chip.index() ? -1 : chip.index()));
        return label;
    }

}
