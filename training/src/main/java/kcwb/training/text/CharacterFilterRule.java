package kcwb.training.text;

/**
 * KcELECTRA's character filter {@code [^ .,?!/@$%~％·∼()\x00-\x7Fㄱ-ㅣ가-힣]+ → ' '}: every run of
 * characters outside ASCII, compatibility jamo, Hangul syllables and {@code ％ · ∼} becomes one space.
 * The pre-2022 variant also keeps every code point that occurs in an emoji sequence (the README put
 * {@code ''.join(emoji.UNICODE_EMOJI.keys())} inside the class; emoji 2.16's keys here).
 */
public final class CharacterFilterRule implements CleaningRule {
    private final boolean keepEmoji;

    private CharacterFilterRule(boolean keepEmoji) {
        this.keepEmoji = keepEmoji;
    }

    /** The current README's filter. */
    public static CharacterFilterRule standard() {
        return new CharacterFilterRule(false);
    }

    /** The pre-2022 filter whose class also holds every emoji code point. */
    public static CharacterFilterRule keepingEmoji() {
        return new CharacterFilterRule(true);
    }

    @Override
    public String key() {
        return keepEmoji ? "character-filter-keep-emoji" : "character-filter";
    }

    @Override
    public String name() {
        return keepEmoji ? "Character filter (keeps emoji)" : "Character filter";
    }

    @Override
    public String description() {
        return "Replaces each run of characters other than ASCII, Hangul, jamo and ％·∼"
                + (keepEmoji ? " and emoji code points" : "") + " with one space.";
    }

    @Override
    public String exampleInput() {
        return "漢字와 日本語, ＡＢＣ도 ✨지워져요✨";
    }

    @Override
    public void apply(CodePointBuffer input, CodePointBuffer output) {
        int[] s = input.codePoints;
        int length = input.size;
        int i = 0;
        while (i < length) {
            if (allowed(s[i])) {
                output.append(s[i], i, i + 1);
                i++;
            } else {
                int start = i;
                while (i < length && !allowed(s[i])) {
                    i++;
                }
                output.append(' ', start, i);
            }
        }
    }

    private boolean allowed(int c) {
        if (c < 0x80 || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x3131 && c <= 0x3163)
                || c == 0xFF05 || c == 0x00B7 || c == 0x223C) {
            return true;
        }
        return keepEmoji && EmojiData.KEY_CODE_POINTS.get(c);
    }
}
