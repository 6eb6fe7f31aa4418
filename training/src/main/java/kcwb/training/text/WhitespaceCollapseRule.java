package kcwb.training.text;

/**
 * The end of soynlp's {@code repeat_normalize}: {@code re.sub(r'\s+', ' ', x).strip()} with Python's
 * {@code \s} (which includes U+001C–U+001F, U+0085, U+00A0, U+2028, U+3000).
 */
public final class WhitespaceCollapseRule implements CleaningRule {
    @Override
    public String key() {
        return "whitespace-collapse";
    }

    @Override
    public String name() {
        return "Whitespace collapse";
    }

    @Override
    public String description() {
        return "Turns every run of whitespace into one space and trims both ends.";
    }

    @Override
    public String exampleInput() {
        return " 여러   공백\t\n사이\u3000 ";
    }

    @Override
    public void apply(CodePointBuffer input, CodePointBuffer output) {
        int[] s = input.codePoints;
        int end = input.size;
        while (end > 0 && PythonUnicode.isSpace(s[end - 1])) {
            end--;
        }
        int i = 0;
        while (i < end && PythonUnicode.isSpace(s[i])) {
            i++;
        }
        while (i < end) {
            if (PythonUnicode.isSpace(s[i])) {
                int start = i;
                while (PythonUnicode.isSpace(s[i])) {
                    i++;
                }
                output.append(' ', start, i);
            } else {
                output.append(s[i], i, i + 1);
                i++;
            }
        }
    }
}
