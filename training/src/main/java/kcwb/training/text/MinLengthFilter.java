package kcwb.training.text;

/**
 * KcELECTRA's corpus rule "texts shorter than 10 characters are dropped": keeps a text when it has at
 * least {@code minLength} characters, counted as Python's {@code len()} counts them (code points).
 */
public record MinLengthFilter(int minLength) implements CorpusFilter {
    public static final int KCELECTRA_MIN_LENGTH = 10;

    public MinLengthFilter {
        if (minLength < 0) {
            throw new IllegalArgumentException("minimum length must be >= 0, got " + minLength);
        }
    }

    public static MinLengthFilter kcelectra() {
        return new MinLengthFilter(KCELECTRA_MIN_LENGTH);
    }

    @Override
    public String key() {
        return "min-length";
    }

    @Override
    public boolean keep(String text) {
        return text.length() >= minLength && text.codePointCount(0, text.length()) >= minLength;
    }
}
