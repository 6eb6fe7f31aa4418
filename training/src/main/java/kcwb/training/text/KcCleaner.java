package kcwb.training.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link CleaningRecipe}. {@link #clean} is the bulk path (CLI, training): code points in two
 * reused-per-call arrays, no per-char objects. {@link #cleanTraced} runs the very same rule code with
 * source tracking on, so both paths give identical text by construction. Thread-safe.
 */
public final class KcCleaner {
    private final CleaningRecipe recipe;

    public KcCleaner(CleaningRecipe recipe) {
        this.recipe = recipe;
    }

    /** The README's {@code clean()}. */
    public static KcCleaner kcelectra() {
        return new KcCleaner(CleaningRecipe.kcelectra());
    }

    public CleaningRecipe recipe() {
        return recipe;
    }

    /** The cleaned text. */
    public String clean(String text) {
        CodePointBuffer current = CodePointBuffer.of(text, false);
        CodePointBuffer next = new CodePointBuffer(current.size + 8, false);
        for (CleaningRule rule : recipe.rules()) {
            next.clear();
            rule.apply(current, next);
            CodePointBuffer swap = current;
            current = next;
            next = swap;
        }
        return current.toString();
    }

    /** The cleaned text with its offsets into {@code text} and each rule's changes. */
    public CleaningResult cleanTraced(String text) {
        CodePointBuffer current = CodePointBuffer.of(text, true);
        int[] utf16Offset = utf16Offsets(text, current.size);
        // For each code point of `current`: the original code points [sourceFrom, sourceTo) it came from.
        int[] sourceFrom = new int[current.size];
        int[] sourceTo = new int[current.size];
        for (int i = 0; i < current.size; i++) {
            sourceFrom[i] = i;
            sourceTo[i] = i + 1;
        }
        List<RuleChanges> changes = new ArrayList<>();
        for (CleaningRule rule : recipe.rules()) {
            CodePointBuffer output = new CodePointBuffer(current.size + 8, true);
            rule.apply(current, output);
            boolean[] kept = new boolean[current.size];
            int[] nextFrom = new int[output.size];
            int[] nextTo = new int[output.size];
            for (int k = 0; k < output.size; k++) {
                int from = output.from[k];
                int to = output.to[k];
                if (from < 0 || to <= from || to > current.size) {
                    throw new IllegalStateException("rule " + rule.key() + " named source [" + from + ", " + to
                            + ") for output " + k + " of an input of " + current.size + " code points");
                }
                if (to - from == 1 && output.codePoints[k] == current.codePoints[from]) {
                    kept[from] = true;
                }
                nextFrom[k] = sourceFrom[from];
                nextTo[k] = sourceTo[to - 1];
            }
            changes.add(new RuleChanges(rule.key(), changedSpans(kept, sourceFrom, sourceTo, utf16Offset)));
            current = output;
            sourceFrom = nextFrom;
            sourceTo = nextTo;
        }
        String cleaned = current.toString();
        int[] starts = new int[cleaned.length()];
        int[] ends = new int[cleaned.length()];
        int c = 0;
        for (int k = 0; k < current.size; k++) {
            for (int unit = Character.charCount(current.codePoints[k]); unit > 0; unit--, c++) {
                starts[c] = utf16Offset[sourceFrom[k]];
                ends[c] = utf16Offset[sourceTo[k]];
            }
        }
        return new CleaningResult(text, cleaned, starts, ends, changes);
    }

    /** offsets[k] = UTF-16 index of original code point k; offsets[count] = text.length(). */
    private static int[] utf16Offsets(String text, int count) {
        int[] offsets = new int[count + 1];
        int index = 0;
        for (int k = 0; k < count; k++) {
            offsets[k] = index;
            index += Character.charCount(text.codePointAt(index));
        }
        offsets[count] = text.length();
        return offsets;
    }

    /** Runs of input code points that no output copied unchanged, as merged original UTF-16 spans. */
    private static List<Span> changedSpans(boolean[] kept, int[] sourceFrom, int[] sourceTo, int[] utf16Offset) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < kept.length) {
            if (kept[i]) {
                i++;
                continue;
            }
            int runStart = i;
            while (i < kept.length && !kept[i]) {
                i++;
            }
            int start = utf16Offset[sourceFrom[runStart]];
            int end = utf16Offset[sourceTo[i - 1]];
            Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && start <= last.end()) {
                spans.set(spans.size() - 1, new Span(last.start(), Math.max(end, last.end())));
            } else {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }
}
