package kcwb.app.gui.label;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskRunner;
import kcwb.training.text.CleaningResult;
import kcwb.training.text.KcCleaner;
import kcwb.training.tokenize.KcTokenizer;
import kcwb.training.tokenize.TokenizedText;

/**
 * The side panel's model: the shown comment cleaned with the KcELECTRA rules and tokenized with the demo
 * tokenizer, computed in the background and only while the panel is open ({@link #enabledProperty()}).
 */
public final class LabelPreview {
    public static final int MAX_LEN = 128;

    /** What the panel draws: which original chars cleaning removed or changed, the cleaned text, the tokens. */
    public record Result(String original, boolean[] changed, CleaningResult cleaning, TokenizedText tokens) {}

    private static KcTokenizer tokenizer; // loaded once, on a worker thread
    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final ObjectProperty<Result> result = new SimpleObjectProperty<>();
    private String text = "";
    private long generation;

    LabelPreview(I18n i18n, TaskRunner taskRunner) {
        this.i18n = i18n;
        this.taskRunner = taskRunner;
        enabled.addListener((obs, old, on) -> refresh());
    }

    void show(String newText) {
        text = newText;
        refresh();
    }

    private void refresh() {
        if (!enabled.get() || text.isEmpty()) {
            result.set(null);
            return;
        }
        long mine = ++generation;
        String input = text;
        taskRunner.submit(BackgroundTask.of(i18n.get("task.label.preview"), progress -> compute(input))
                .onSuccess(computed -> {
                    if (mine == generation) {
                        result.set(computed);
                    }
                }));
    }

    static Result compute(String text) {
        CleaningResult cleaning = KcCleaner.kcelectra().cleanTraced(text);
        TokenizedText tokens = tokenizer().encode(cleaning.cleaned(), MAX_LEN);
        return new Result(text, changedChars(cleaning), cleaning, tokens);
    }

    /** Original chars that no cleaned char reproduces unchanged: removed, or folded into something else. */
    static boolean[] changedChars(CleaningResult cleaning) {
        String original = cleaning.original();
        boolean[] changed = new boolean[original.length()];
        java.util.Arrays.fill(changed, true);
        String cleaned = cleaning.cleaned();
        for (int i = 0; i < cleaned.length(); i++) {
            int start = cleaning.originalStarts()[i];
            int end = cleaning.originalEnds()[i];
            if (end - start == 1 && original.charAt(start) == cleaned.charAt(i)) {
                changed[start] = false;
            } else if (end - start == 2 && Character.isHighSurrogate(cleaned.charAt(i))
                    && original.substring(start, end).equals(cleaned.substring(i, Math.min(i + 2, cleaned.length())))) {
                changed[start] = false;
                changed[start + 1] = false;
            }
        }
        return changed;
    }

    private static synchronized KcTokenizer tokenizer() {
        if (tokenizer == null) {
            tokenizer = KcTokenizer.demo();
        }
        return tokenizer;
    }

    public BooleanProperty enabledProperty() { return enabled; }
    public ObjectProperty<Result> resultProperty() { return result; }
}
