package kcwb.training.text;

import java.util.List;

/**
 * A traced cleaning: the cleaned text, where each of its chars came from, and what each rule changed.
 * {@code originalStarts[i]}/{@code originalEnds[i]} give, for cleaned char i (UTF-16 index), the range
 * [start, end) of the original it was made from (both halves of a surrogate pair share one range; a
 * space that replaced a run maps to the whole run). The arrays belong to this result: do not modify.
 */
public record CleaningResult(String original, String cleaned, int[] originalStarts, int[] originalEnds,
        List<RuleChanges> ruleChanges) {
    public CleaningResult {
        if (originalStarts.length != cleaned.length() || originalEnds.length != cleaned.length()) {
            throw new IllegalArgumentException("one original range per cleaned char is needed");
        }
        ruleChanges = List.copyOf(ruleChanges);
    }

    /** The original range that cleaned char {@code cleanedIndex} came from. */
    public Span originalSpanOf(int cleanedIndex) {
        return new Span(originalStarts[cleanedIndex], originalEnds[cleanedIndex]);
    }

    /**
     * Maps a span of the cleaned text (e.g. a label or a token) back to the original: from the start of
     * its first char's source to the end of its last char's source. An empty span maps to an empty span
     * at the position where it sits.
     */
    public Span toOriginal(int cleanedStart, int cleanedEnd) {
        if (cleanedStart < 0 || cleanedEnd < cleanedStart || cleanedEnd > cleaned.length()) {
            throw new IndexOutOfBoundsException("[" + cleanedStart + ", " + cleanedEnd + ") is outside the cleaned text of length "
                    + cleaned.length());
        }
        if (cleanedStart == cleanedEnd) {
            int at = cleanedStart < cleaned.length() ? originalStarts[cleanedStart]
                    : cleaned.isEmpty() ? 0 : originalEnds[cleaned.length() - 1];
            return new Span(at, at);
        }
        return new Span(originalStarts[cleanedStart], originalEnds[cleanedEnd - 1]);
    }
}
