package kcwb.app.gui.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kcwb.training.text.CleaningResult;
import kcwb.training.text.RuleChanges;
import kcwb.training.text.Span;
import kcwb.training.tokenize.TokenizedText;

/**
 * Pure functions that cut one previewed comment into what the view draws: runs of the original text
 * marked with the rule that removed them, runs of the cleaned text with the focused token and the
 * truncated tail marked, and the token chips. No JavaFX here, so it is tested directly.
 */
final class PreviewParts {
    /** A run of text; {@code mark} is a rule key (original), or one of the cleaned-text marks, or null. */
    record Run(String text, String mark) {}

    /** One token as a chip. {@code cut}: dropped by max_len (shown after the kept tokens). */
    record Chip(int index, String text, boolean unknown, boolean special, boolean cut, int charStart, int charEnd) {}

    static final String MARK_FOCUS = "focus";
    static final String MARK_CUT = "cut";

    private PreviewParts() {}

    /**
     * The original text in runs; each char is marked with the FIRST rule (in recipe order) that removed
     * or replaced it, so a char touched by several rules shows the one that acted first.
     */
    static List<Run> originalRuns(CleaningResult result) {
        String original = result.original();
        String[] markByChar = new String[original.length()];
        for (RuleChanges changes : result.ruleChanges()) {
            for (Span span : changes.changed()) {
                for (int i = Math.max(0, span.start()); i < Math.min(original.length(), span.end()); i++) {
                    if (markByChar[i] == null) {
                        markByChar[i] = changes.ruleKey();
                    }
                }
            }
        }
        return runs(original, markByChar);
    }

    /**
     * The cleaned text in runs: the focused token's span (a token index of {@code full}, or -1) marked
     * {@link #MARK_FOCUS}, and everything from {@code truncatedAt} on marked {@link #MARK_CUT}.
     */
    static List<Run> cleanedRuns(String cleaned, TokenizedText full, int focusedToken, int truncatedAt) {
        String[] marks = new String[cleaned.length()];
        if (truncatedAt >= 0) {
            for (int i = Math.min(truncatedAt, cleaned.length()); i < cleaned.length(); i++) {
                marks[i] = MARK_CUT;
            }
        }
        if (full != null && focusedToken >= 0 && focusedToken < full.size() && full.charStart(focusedToken) >= 0) {
            for (int i = full.charStart(focusedToken); i < Math.min(full.charEnd(focusedToken), cleaned.length()); i++) {
                marks[i] = MARK_FOCUS;
            }
        }
        return runs(cleaned, marks);
    }

    /**
     * Chips for the untruncated encoding {@code full}: content tokens beyond what {@code kept} holds are
     * marked cut; the closing special token(s) stay last.
     */
    static List<Chip> chips(TokenizedText full, TokenizedText kept) {
        int leading = leadingSpecials(full);
        int trailing = trailingSpecials(full, leading);
        int keptContent = kept.size() - leadingSpecials(kept) - trailingSpecials(kept, leadingSpecials(kept));
        List<Chip> chips = new ArrayList<>(full.size());
        for (int i = 0; i < full.size(); i++) {
            boolean template = i < leading || i >= full.size() - trailing;
            boolean cut = !template && i - leading >= keptContent;
            chips.add(new Chip(i, full.tokens().get(i), full.unknown()[i], template, cut,
                    full.charStart(i), full.charEnd(i)));
        }
        return chips;
    }

    private static int leadingSpecials(TokenizedText text) {
        int count = 0;
        while (count < text.size() && text.special()[count]) {
            count++;
        }
        return count;
    }

    private static int trailingSpecials(TokenizedText text, int leading) {
        int count = 0;
        while (count < text.size() - leading && text.special()[text.size() - 1 - count]) {
            count++;
        }
        return count;
    }

    private static List<Run> runs(String text, String[] marks) {
        List<Run> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            boolean boundary = i == text.length() || !Objects.equals(marks[i], marks[start]);
            // never split a surrogate pair
            if (boundary && i < text.length() && Character.isLowSurrogate(text.charAt(i))) {
                continue;
            }
            if (boundary) {
                runs.add(new Run(text.substring(start, i), marks[start]));
                start = i;
            }
        }
        return runs;
    }
}
