package kcwb.training.text;

/** Python's {@code str.strip()}: removes leading and trailing whitespace in Python's sense. */
public final class StripRule implements CleaningRule {
    @Override
    public String key() {
        return "strip";
    }

    @Override
    public String name() {
        return "Strip";
    }

    @Override
    public String description() {
        return "Removes whitespace at both ends, as Python's str.strip() defines whitespace.";
    }

    @Override
    public String exampleInput() {
        return "\u3000  앞뒤 공백 \u001f";
    }

    @Override
    public void apply(CodePointBuffer input, CodePointBuffer output) {
        int[] s = input.codePoints;
        int start = 0;
        int end = input.size;
        while (start < end && PythonUnicode.isStripSpace(s[start])) {
            start++;
        }
        while (end > start && PythonUnicode.isStripSpace(s[end - 1])) {
            end--;
        }
        for (int i = start; i < end; i++) {
            output.append(s[i], i, i + 1);
        }
    }
}
