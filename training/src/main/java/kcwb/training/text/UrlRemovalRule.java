package kcwb.training.text;

/**
 * Removes what KcELECTRA's {@code url_pattern} matches, with Python {@code re} semantics:
 * <pre>https?:\/\/(www\.)?[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-zA-Z0-9()]{1,6}\b([-a-zA-Z0-9()@:%_\+.~#?&amp;//=]*)</pre>
 * A hand-written scanner instead of {@code java.util.regex}: Java's {@code \b} is not Python's Unicode
 * {@code \b}, and the scanner has no backtracking blow-up. Every character the domain, the TLD and
 * {@code www.} may contain is also a path character, so when some split of the text satisfies the
 * pattern the match always ends at the first non-path character after {@code ://}; only whether such a
 * split exists has to be searched.
 */
public final class UrlRemovalRule implements CleaningRule {
    private static final int MAX_DOMAIN = 256;
    private static final int MAX_TLD = 6;

    @Override
    public String key() {
        return "url-removal";
    }

    @Override
    public String name() {
        return "URL removal";
    }

    @Override
    public String description() {
        return "Removes http(s) links, matched exactly like KcELECTRA's URL regex.";
    }

    @Override
    public String exampleInput() {
        return "기사 https://n.news.naver.com/article/001/0012345678 보세요";
    }

    @Override
    public void apply(CodePointBuffer input, CodePointBuffer output) {
        int[] s = input.codePoints;
        int length = input.size;
        int i = 0;
        while (i < length) {
            int end = s[i] == 'h' ? matchEnd(s, length, i) : -1;
            if (end < 0) {
                output.append(s[i], i, i + 1);
                i++;
            } else {
                i = end;
            }
        }
    }

    /** Where a URL match starting at {@code start} ends, or -1 when none starts there. */
    static int matchEnd(int[] s, int length, int start) {
        int q = start;
        if (!(q + 4 <= length && s[q] == 'h' && s[q + 1] == 't' && s[q + 2] == 't' && s[q + 3] == 'p')) {
            return -1;
        }
        q += 4;
        if (q < length && s[q] == 's') {
            q++;
        }
        if (!(q + 3 <= length && s[q] == ':' && s[q + 1] == '/' && s[q + 2] == '/')) {
            return -1;
        }
        q += 3;
        boolean www = q + 4 <= length && s[q] == 'w' && s[q + 1] == 'w' && s[q + 2] == 'w' && s[q + 3] == '.';
        if (!(www && hostMatches(s, length, q + 4)) && !hostMatches(s, length, q)) {
            return -1;
        }
        int end = q;
        while (end < length && isPath(s[end])) {
            end++;
        }
        return end;
    }

    /** Whether domain{1,256} '.' tld{1,6} \b can match starting at {@code from}. */
    private static boolean hostMatches(int[] s, int length, int from) {
        int domainRun = 0;
        while (domainRun < MAX_DOMAIN && from + domainRun < length && isDomain(s[from + domainRun])) {
            domainRun++;
        }
        for (int domainLength = domainRun; domainLength >= 1; domainLength--) {
            int dot = from + domainLength;
            if (dot >= length || s[dot] != '.') {
                continue;
            }
            int tldStart = dot + 1;
            int tldRun = 0;
            while (tldRun < MAX_TLD && tldStart + tldRun < length && isTld(s[tldStart + tldRun])) {
                tldRun++;
            }
            for (int tldLength = tldRun; tldLength >= 1; tldLength--) {
                int boundary = tldStart + tldLength;
                boolean leftWord = PythonUnicode.isAsciiWord(s[boundary - 1]);
                boolean rightWord = boundary < length && PythonUnicode.isWord(s[boundary]);
                if (leftWord != rightWord) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAsciiAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isDomain(int c) {
        return isAsciiAlnum(c) || c == '-' || c == '@' || c == ':' || c == '%' || c == '.' || c == '_'
                || c == '+' || c == '~' || c == '#' || c == '=';
    }

    private static boolean isTld(int c) {
        return isAsciiAlnum(c) || c == '(' || c == ')';
    }

    private static boolean isPath(int c) {
        return isDomain(c) || c == '(' || c == ')' || c == '?' || c == '&' || c == '/';
    }
}
