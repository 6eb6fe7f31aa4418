package kcwb.training.tokenize;

import java.util.List;

/**
 * One text as the model sees it: the same ids, tokens and token types as Python transformers'
 * fast tokenizer with {@code truncation=True, max_length=maxLen}, no padding.
 *
 * <p>Offsets are Java {@code char} (UTF-16) indices into the text that was encoded, end exclusive,
 * so {@code text.substring(charStart(i), charEnd(i))} is the source of token i. Tokens the
 * tokenizer adds itself ({@code [CLS]}, {@code [SEP]}) have no source: {@code special[i]} is true and
 * both offsets are -1 (HF reports (0, 0) for them). A special token typed inside the text, such
 * as {@code [MASK]}, is matched like HF does and keeps its real offsets.
 *
 * <p>The arrays are shared, not copied: treat them as read-only. Record equality compares arrays by
 * identity; compare fields with {@code Arrays.equals} in tests.
 *
 * @param tokens        the token strings, e.g. {@code [CLS], 안녕, ##하세요, [SEP]}
 * @param ids           vocabulary ids, what the model's embedding reads
 * @param attentionMask 1 for every token (nothing is padded here)
 * @param typeIds       token type (segment) ids, 0 for a single text
 * @param unknown       true where the token is the tokenizer's unknown token ({@code [UNK]})
 * @param special       true where the tokenizer added the token (no source text)
 * @param charStarts    UTF-16 start of each token's source, -1 for special tokens
 * @param charEnds      UTF-16 end (exclusive) of each token's source, -1 for special tokens
 * @param truncatedAt   UTF-16 index where the first token dropped by max_len starts, -1 if nothing was cut
 */
public record TokenizedText(
        List<String> tokens,
        long[] ids,
        long[] attentionMask,
        long[] typeIds,
        boolean[] unknown,
        boolean[] special,
        int[] charStarts,
        int[] charEnds,
        int truncatedAt) {

    /** Number of tokens, special tokens included. */
    public int size() {
        return ids.length;
    }

    public boolean isTruncated() {
        return truncatedAt >= 0;
    }

    public int charStart(int token) {
        return charStarts[token];
    }

    public int charEnd(int token) {
        return charEnds[token];
    }

    /** How many tokens are the unknown token. */
    public int unknownCount() {
        int count = 0;
        for (boolean unk : unknown) {
            count += unk ? 1 : 0;
        }
        return count;
    }
}
