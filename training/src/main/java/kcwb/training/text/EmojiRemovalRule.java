package kcwb.training.text;

/**
 * {@code emoji.replace_emoji(x, replace='')} of the Python package emoji 2.16.0, ported line by line
 * from its {@code tokenizer.tokenize(string, keep_zwj=False)} so that every corner behaves the same:
 * the longest walk down the search tree must end on an emoji (no shorter fallback), a ZWJ after an
 * emoji re-scans the emoji without the ZWJ (non-RGI ZWJ sequences lose their ZWJs), and stray
 * variation selectors U+FE0E/U+FE0F are always dropped.
 */
public final class EmojiRemovalRule implements CleaningRule {
    private static final int ZWJ = 0x200D;

    @Override
    public String key() {
        return "emoji-removal";
    }

    @Override
    public String name() {
        return "Emoji removal";
    }

    @Override
    public String description() {
        return "Removes emoji (ZWJ sequences, flags, keycaps, skin tones) like Python emoji 2.16's replace_emoji.";
    }

    @Override
    public String exampleInput() {
        return "좋아요👍🏻 가족👨‍👩‍👧 🇰🇷";
    }

    @Override
    public void apply(CodePointBuffer input, CodePointBuffer output) {
        int[] s = input.codePoints;
        int length = input.size;
        if (!mayChange(s, length)) {
            for (int i = 0; i < length; i++) {
                output.append(s[i], i, i + 1);
            }
            return;
        }
        Tokens result = new Tokens();
        boolean[] ignore = null;
        int i = 0;
        while (i < length) {
            boolean consumed = false;
            int c = s[i];
            EmojiData.Node first = EmojiData.first(c);
            if (ignore != null && ignore[i]) {
                i++;
                continue;
            } else if (first != null) {
                int j = i + 1;
                EmojiData.Node node = first;
                while (j < length) {
                    EmojiData.Node next = node.child(s[j]);
                    if (next == null || (ignore != null && ignore[j])) {
                        break;
                    }
                    node = next;
                    j++;
                }
                if (node.key) {
                    result.add(i, j, true);
                    i = j - 1;
                    consumed = true;
                }
            } else if (c == ZWJ && result.unflushed() > 0 && isEmojiKey(s, result, result.count - 1)
                    && i > 0 && EmojiData.first(s[i - 1]) != null) {
                if (ignore == null) {
                    ignore = new boolean[length];
                }
                ignore[i] = true;
                int last = result.count - 1;
                if (keyNode(s, result, last).component) {
                    int back = result.length(last) + (result.unflushed() >= 2 ? result.length(last - 1) : 0);
                    i -= back;
                    if (s[i] == ZWJ) {
                        i++;
                        result.removeLast(1);
                    } else {
                        result.removeLast(2);
                    }
                } else {
                    i -= result.length(last);
                    result.removeLast(1);
                }
                continue;
            } else if (result.unflushed() > 0) {
                result.flush(input, output);
            }
            if (!consumed && c != 0xFE0E && c != 0xFE0F) {
                result.add(i, i + 1, false);
            }
            i++;
        }
        result.flush(input, output);
    }

    /** False when no code point can start an emoji or is a ZWJ or variation selector: then all are kept. */
    private static boolean mayChange(int[] s, int length) {
        for (int i = 0; i < length; i++) {
            int c = s[i];
            if (c == ZWJ || c == 0xFE0E || c == 0xFE0F || EmojiData.FIRST_CODE_POINTS.get(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmojiKey(int[] s, Tokens tokens, int t) {
        EmojiData.Node node = keyNode(s, tokens, t);
        return node != null && node.key;
    }

    /** The search-tree node of token {@code t}'s text (Python: {@code EMOJI_DATA[token.chars]}). */
    private static EmojiData.Node keyNode(int[] s, Tokens tokens, int t) {
        EmojiData.Node node = EmojiData.ROOT;
        for (int k = tokens.start[t]; k < tokens.end[t] && node != null; k++) {
            node = node.child(s[k]);
        }
        return node;
    }

    /**
     * Python's {@code result} list. Only tokens since the last flush can be looked at or taken back, so a
     * flush writes the plain ones out and forgets them all.
     */
    private static final class Tokens {
        int[] start = new int[16];
        int[] end = new int[16];
        boolean[] match = new boolean[16];
        int count;

        void add(int from, int to, boolean isMatch) {
            if (count == start.length) {
                start = java.util.Arrays.copyOf(start, count * 2);
                end = java.util.Arrays.copyOf(end, count * 2);
                match = java.util.Arrays.copyOf(match, count * 2);
            }
            start[count] = from;
            end[count] = to;
            match[count] = isMatch;
            count++;
        }

        int unflushed() {
            return count;
        }

        int length(int t) {
            return end[t] - start[t];
        }

        void removeLast(int n) {
            count -= Math.min(n, unflushed());
        }

        void flush(CodePointBuffer input, CodePointBuffer output) {
            for (int t = 0; t < count; t++) {
                if (!match[t]) {
                    output.copy(input, start[t]);
                }
            }
            count = 0;
        }
    }
}
