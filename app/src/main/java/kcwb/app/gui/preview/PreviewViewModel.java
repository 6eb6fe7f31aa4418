package kcwb.app.gui.preview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.training.text.CleaningRecipe;
import kcwb.training.text.CleaningResult;
import kcwb.training.text.CleaningRule;
import kcwb.training.text.KcCleaner;
import kcwb.training.tokenize.KcTokenizer;
import kcwb.training.tokenize.TokenizedText;

/**
 * The text preview: comments typed one per line, the selected one cleaned by the chosen rules and
 * tokenized by the chosen model folder (the shipped demo tokenizer when none is chosen). Tokenizers
 * load in the background; cleaning and encoding one comment is fast enough to redo on every change.
 */
public final class PreviewViewModel {
    public static final int DEFAULT_MAX_LEN = 64;
    public static final int MAX_MAX_LEN = 512;
    public static final String CUSTOM_RECIPE = "custom";

    /** What the detail pane shows for the selected comment; {@code full}/{@code kept} null until a tokenizer is ready. */
    public record Preview(CleaningResult cleaning, TokenizedText full, TokenizedText kept) {
        public boolean tokenized() {
            return kept != null;
        }
    }

    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final StringProperty input = new SimpleStringProperty("");
    private final ObservableList<String> comments = FXCollections.observableArrayList();
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
    private final StringProperty recipeId = new SimpleStringProperty(CleaningRecipe.KCELECTRA);
    private final Map<String, BooleanProperty> ruleEnabled = new LinkedHashMap<>();
    private final List<CleaningRule> rules = CleaningRecipe.availableRules();
    private final ObjectProperty<Integer> maxLen = new SimpleObjectProperty<>(DEFAULT_MAX_LEN);
    private final ObjectProperty<Path> modelFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<KcTokenizer> tokenizer = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty tokenizerStatus = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty hoveredToken = new SimpleIntegerProperty(-1);
    private final IntegerProperty selectedToken = new SimpleIntegerProperty(-1);
    private KcCleaner cleaner = KcCleaner.kcelectra();
    private boolean syncingRules;

    public PreviewViewModel(I18n i18n, TaskRunner taskRunner, String initialInput) {
        this.i18n = i18n;
        this.taskRunner = taskRunner;
        List<String> defaultKeys = CleaningRecipe.kcelectra().ruleKeys();
        for (CleaningRule rule : rules) {
            BooleanProperty enabled = new SimpleBooleanProperty(defaultKeys.contains(rule.key()));
            enabled.addListener((obs, was, now) -> rulesToggled());
            ruleEnabled.put(rule.key(), enabled);
        }
        input.addListener((obs, was, now) -> splitComments());
        recipeId.addListener((obs, was, now) -> recipeChosen(now));
        selectedIndex.addListener((obs, was, now) -> {
            selectedToken.set(-1);
            refresh();
        });
        maxLen.addListener((obs, was, now) -> refresh());
        tokenizer.addListener((obs, was, now) -> refresh());
        input.set(initialInput);
        useDemoTokenizer();
    }

    // --- commands ---------------------------------------------------------------------------------

    /** Loads the tokenizer of a Hugging Face model folder in the background; the old one stays until it is ready. */
    public void chooseModelFolder(Path folder) {
        loadTokenizer(folder, i18n.get("preview.model.loading", folder.getFileName()), () -> KcTokenizer.load(folder));
    }

    /** Goes back to the small demo tokenizer the app ships. */
    public void useDemoTokenizer() {
        loadTokenizer(null, i18n.get("preview.model.loadingDemo"), KcTokenizer::demo);
    }

    private void loadTokenizer(Path folder, String title, TokenizerLoader loader) {
        loading.set(true);
        tokenizerStatus.set(title);
        taskRunner.submit(BackgroundTask.of(title, progress -> loader.load())
                .onSuccess(loaded -> {
                    KcTokenizer old = tokenizer.get();
                    modelFolder.set(folder);
                    tokenizer.set(loaded);
                    tokenizerStatus.set(folder == null
                            ? i18n.get("preview.model.demo", loaded.vocabSize())
                            : i18n.get("preview.model.loaded", folder.getFileName(), loaded.vocabSize()));
                    if (old != null) {
                        old.close();
                    }
                })
                .onFailure(error -> tokenizerStatus.set(i18n.get("preview.model.failed", String.valueOf(error.getMessage()))))
                .onFinished(() -> loading.set(false)));
    }

    @FunctionalInterface
    private interface TokenizerLoader {
        KcTokenizer load() throws Exception;
    }

    /** Releases the tokenizer's native memory (the window is closing or being rebuilt). */
    public void dispose() {
        KcTokenizer current = tokenizer.get();
        if (current != null) {
            tokenizer.set(null);
            current.close();
        }
    }

    // --- derived state ----------------------------------------------------------------------------

    private void splitComments() {
        List<String> lines = new ArrayList<>();
        for (String line : input.get().split("\\R", -1)) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        int previous = selectedIndex.get();
        comments.setAll(lines);
        int next = lines.isEmpty() ? -1 : Math.min(Math.max(previous, 0), lines.size() - 1);
        if (next == previous) {
            refresh(); // same index, new text
        } else {
            selectedIndex.set(next);
        }
    }

    private void recipeChosen(String id) {
        if (syncingRules || CUSTOM_RECIPE.equals(id)) {
            return;
        }
        List<String> keys = CleaningRecipe.byId(id).ruleKeys();
        syncingRules = true;
        try {
            ruleEnabled.forEach((key, enabled) -> enabled.set(keys.contains(key)));
        } finally {
            syncingRules = false;
        }
        rulesToggled();
    }

    private void rulesToggled() {
        if (syncingRules) {
            return;
        }
        List<String> keys = enabledRuleKeys();
        CleaningRecipe recipe = CleaningRecipe.ids().stream().map(CleaningRecipe::byId)
                .filter(named -> named.ruleKeys().equals(keys)).findFirst()
                .orElseGet(() -> CleaningRecipe.custom(CUSTOM_RECIPE, keys));
        cleaner = new KcCleaner(recipe);
        syncingRules = true;
        try {
            recipeId.set(recipe.id());
        } finally {
            syncingRules = false;
        }
        refresh();
    }

    /** The enabled rules' keys in the order a recipe applies them. */
    public List<String> enabledRuleKeys() {
        return rules.stream().map(CleaningRule::key).filter(key -> ruleEnabled.get(key).get()).toList();
    }

    private void refresh() {
        int index = selectedIndex.get();
        if (index < 0 || index >= comments.size()) {
            preview.set(null);
            return;
        }
        CleaningResult cleaning = cleaner.cleanTraced(comments.get(index));
        KcTokenizer current = tokenizer.get();
        if (current == null) {
            preview.set(new Preview(cleaning, null, null));
            return;
        }
        int limit = Math.max(current.minMaxLen(), maxLen.get() == null ? DEFAULT_MAX_LEN : maxLen.get());
        TokenizedText full = current.encode(cleaning.cleaned(), Integer.MAX_VALUE);
        TokenizedText kept = current.encode(cleaning.cleaned(), limit);
        preview.set(new Preview(cleaning, full, kept));
    }

    /** Runs of the selected comment's original text, each marked with the rule key that removed it (or null). */
    public List<PreviewParts.Run> originalRuns() {
        Preview current = preview.get();
        return current == null ? List.of() : PreviewParts.originalRuns(current.cleaning());
    }

    /** Runs of the cleaned text with the focused token and the cut tail marked. */
    public List<PreviewParts.Run> cleanedRuns() {
        Preview current = preview.get();
        if (current == null) {
            return List.of();
        }
        int cutAt = current.tokenized() ? current.kept().truncatedAt() : -1;
        return PreviewParts.cleanedRuns(current.cleaning().cleaned(), current.full(), focusedToken(), cutAt);
    }

    /** The token chips of the selected comment (empty until a tokenizer is ready). */
    public List<PreviewParts.Chip> chips() {
        Preview current = preview.get();
        return current == null || !current.tokenized() ? List.of() : PreviewParts.chips(current.full(), current.kept());
    }

    /** "Tokens: 12 · [UNK]: 1 · truncated: no" for the selected comment. */
    public String countsText() {
        Preview current = preview.get();
        if (current == null || !current.tokenized()) {
            return "";
        }
        TokenizedText kept = current.kept();
        return i18n.get("preview.counts", kept.size(), kept.unknownCount(),
                i18n.get(kept.isTruncated() ? "preview.truncated.yes" : "preview.truncated.no"), current.full().size());
    }

    /** The hovered token, else the clicked one, else -1 (an index into the untruncated encoding). */
    public int focusedToken() {
        return hoveredToken.get() >= 0 ? hoveredToken.get() : selectedToken.get();
    }

    // --- properties ---------------------------------------------------------------------------------

    public StringProperty inputProperty() {
        return input;
    }

    public ObservableList<String> comments() {
        return comments;
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public StringProperty recipeIdProperty() {
        return recipeId;
    }

    public List<CleaningRule> rules() {
        return rules;
    }

    public BooleanProperty ruleEnabledProperty(String ruleKey) {
        BooleanProperty enabled = ruleEnabled.get(ruleKey);
        if (enabled == null) {
            throw new IllegalArgumentException("unknown rule " + ruleKey);
        }
        return enabled;
    }

    public ObjectProperty<Integer> maxLenProperty() {
        return maxLen;
    }

    public ReadOnlyObjectProperty<Path> modelFolderProperty() {
        return modelFolder;
    }

    public ReadOnlyObjectProperty<KcTokenizer> tokenizerProperty() {
        return tokenizer;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty tokenizerStatusProperty() {
        return tokenizerStatus;
    }

    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public IntegerProperty hoveredTokenProperty() {
        return hoveredToken;
    }

    public IntegerProperty selectedTokenProperty() {
        return selectedToken;
    }
}
