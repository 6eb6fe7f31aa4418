package kcwb.training.train;

/**
 * Token ids of one text (e.g. {@code [CLS] … [SEP]}), and its token type ids (all 0 for a single
 * sentence; {@code null} means all 0). The attention mask is 1 for every id given here.
 */
public record EncodedText(long[] inputIds, long[] tokenTypeIds) {
    public EncodedText {
        if (inputIds == null || inputIds.length == 0) {
            throw new IllegalArgumentException("an encoded text needs at least one token id");
        }
        if (tokenTypeIds != null && tokenTypeIds.length != inputIds.length) {
            throw new IllegalArgumentException("token type ids (" + tokenTypeIds.length
                    + ") must be as many as input ids (" + inputIds.length + ")");
        }
    }

    public static EncodedText of(long... inputIds) {
        return new EncodedText(inputIds, null);
    }

    public int length() {
        return inputIds.length;
    }
}
