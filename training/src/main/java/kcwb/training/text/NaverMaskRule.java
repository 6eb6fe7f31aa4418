package kcwb.training.text;

/**
 * Naver's profanity mask: portals print filtered words as {@code OOO}; KcELECTRA's corpus notes say
 * these were replaced by a space. Our definition: a run of three or more capital Latin {@code O}
 * (U+004F) that touches no other ASCII letter or digit becomes one space, so {@code 이건 OOO 같은}
 * loses the mask while {@code COOOL}, {@code GOOOAL} and {@code OOO1} stay. Python equivalent (used by
 * the fixture): {@code re.sub(r'(?<![A-Za-z0-9])O{3,}(?![A-Za-z0-9])', ' ', x)}. Not part of the
 * README's {@code clean()}; the preview and custom recipes switch it on.
 */
public final class NaverMaskRule implements CleaningRule {
    @Override
    public String key() {
        return "naver-mask-removal";
    }

    @Override
    public String name() {
        return "Naver OOO mask removal";
    }

    @Override
    public String description() {
        return "Replaces a standalone run of three or more capital O (a portal's profanity mask) with a space.";
    }

    @Override
    public String exampleInput() {
        return "이런 OOO 같은 기사, COOOL";
    }

    @Override
    public void apply(CodePointBuffer input, CodePointBuffer output) {
        int[] s = input.codePoints;
        int length = input.size;
        int i = 0;
        while (i < length) {
            if (s[i] == 'O' && (i == 0 || !isAsciiAlnum(s[i - 1]))) {
                int end = i;
                while (end < length && s[end] == 'O') {
                    end++;
                }
                if (end - i >= 3 && (end == length || !isAsciiAlnum(s[end]))) {
                    output.append(' ', i, end);
                    i = end;
                    continue;
                }
            }
            output.append(s[i], i, i + 1);
            i++;
        }
    }

    private static boolean isAsciiAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
