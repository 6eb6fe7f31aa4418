package kcwb.training.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.util.Arrays;
import java.util.List;

/**
 * Turns DJL's untruncated {@link Encoding} into a {@link TokenizedText}: truncates it like HF does
 * for one sequence (keep the template's leading and trailing special tokens, keep the first
 * {@code maxLen - specials} text tokens) and converts DJL's code-point offsets to UTF-16 indices.
 */
final class EncodingConverter {
    private final int leadingSpecials;
    private final int trailingSpecials;
    private final long unkId;

    /**
     * @param leadingSpecials  special tokens the post-processor puts before the text ([CLS]: 1)
     * @param trailingSpecials special tokens it puts after the text ([SEP]: 1)
     * @param unkId            id of the unknown token, -1 if the vocabulary has none
     */
    EncodingConverter(int leadingSpecials, int trailingSpecials, long unkId) {
        this.leadingSpecials = leadingSpecials;
        this.trailingSpecials = trailingSpecials;
        this.unkId = unkId;
    }

    int specialCount() {
        return leadingSpecials + trailingSpecials;
    }

    TokenizedText convert(String text, Encoding encoding, int maxLen) {
        long[] allIds = encoding.getIds();
        int total = allIds.length;
        int contentCount = Math.max(0, total - specialCount());
        int keptContent = Math.min(contentCount, maxLen - specialCount());
        int size = Math.min(total, leadingSpecials + keptContent + trailingSpecials);
        int[] kept = new int[size];
        int k = 0;
        for (int i = 0; i < leadingSpecials + keptContent && i < total; i++) {
            kept[k++] = i;
        }
        for (int i = Math.max(leadingSpecials + keptContent, total - trailingSpecials); i < total; i++) {
            kept[k++] = i;
        }

        String[] allTokens = encoding.getTokens();
        long[] allTypes = encoding.getTypeIds();
        long[] allSpecialMask = encoding.getSpecialTokenMask();
        CharSpan[] allSpans = encoding.getCharTokenSpans();
        Utf16Index utf16 = Utf16Index.of(text);

        String[] tokens = new String[size];
        long[] ids = new long[size];
        long[] types = new long[size];
        long[] mask = new long[size];
        boolean[] unknown = new boolean[size];
        boolean[] special = new boolean[size];
        int[] starts = new int[size];
        int[] ends = new int[size];
        Arrays.fill(mask, 1L);
        for (int j = 0; j < size; j++) {
            int i = kept[j];
            tokens[j] = allTokens[i];
            ids[j] = allIds[i];
            types[j] = allTypes[i];
            unknown[j] = allIds[i] == unkId;
            special[j] = allSpecialMask[i] != 0;
            CharSpan span = allSpans[i];
            if (special[j] || span == null) {
                starts[j] = -1;
                ends[j] = -1;
            } else {
                starts[j] = utf16.of(span.getStart());
                ends[j] = utf16.of(span.getEnd());
            }
        }
        int truncatedAt = -1;
        if (keptContent < contentCount) {
            CharSpan firstDropped = allSpans[leadingSpecials + keptContent];
            truncatedAt = firstDropped == null ? text.length() : utf16.of(firstDropped.getStart());
        }
        return new TokenizedText(List.of(tokens), ids, mask, types, unknown, special, starts, ends, truncatedAt);
    }

    /** Code point index → UTF-16 index; the identity when the text has no surrogate pair. */
    private record Utf16Index(int[] byCodePoint) {
        static Utf16Index of(String text) {
            if (!hasSurrogate(text)) {
                return new Utf16Index(null);
            }
            int[] index = new int[text.codePointCount(0, text.length()) + 1];
            int cp = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                index[cp++] = i;
            }
            index[cp] = text.length();
            return new Utf16Index(index);
        }

        private static boolean hasSurrogate(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (Character.isSurrogate(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        int of(int codePointIndex) {
            if (byCodePoint == null) {
                return codePointIndex;
            }
            return byCodePoint[Math.min(Math.max(codePointIndex, 0), byCodePoint.length - 1)];
        }
    }
}
