package kcwb.training.text;

import java.util.Arrays;

/**
 * A growable array of code points (Python's view of a string: one element per code point, lone
 * surrogates included) that rules read from and write to. When tracking, every appended code point
 * also records the range [from, to) of the rule's input code points it came from.
 */
public final class CodePointBuffer {
    int[] codePoints;
    int size;
    int[] from;
    int[] to;
    private final boolean tracking;

    CodePointBuffer(int capacity, boolean tracking) {
        this.codePoints = new int[Math.max(capacity, 16)];
        this.tracking = tracking;
        if (tracking) {
            this.from = new int[codePoints.length];
            this.to = new int[codePoints.length];
        }
    }

    /** The code points of {@code text}, each from itself. */
    static CodePointBuffer of(String text, boolean tracking) {
        CodePointBuffer buffer = new CodePointBuffer(text.length(), tracking);
        int length = text.length();
        for (int i = 0; i < length; ) {
            int cp = text.codePointAt(i);
            buffer.append(cp, buffer.size, buffer.size + 1);
            i += Character.charCount(cp);
        }
        return buffer;
    }

    public int length() {
        return size;
    }

    public int codePointAt(int index) {
        return codePoints[index];
    }

    /** Appends {@code codePoint}, made from the input code points [sourceFrom, sourceTo). */
    public void append(int codePoint, int sourceFrom, int sourceTo) {
        if (size == codePoints.length) {
            grow();
        }
        codePoints[size] = codePoint;
        if (tracking) {
            from[size] = sourceFrom;
            to[size] = sourceTo;
        }
        size++;
    }

    /** Appends input code point {@code index} of {@code input} unchanged. */
    public void copy(CodePointBuffer input, int index) {
        append(input.codePoints[index], index, index + 1);
    }

    void clear() {
        size = 0;
    }

    boolean tracking() {
        return tracking;
    }

    private void grow() {
        int capacity = codePoints.length * 2;
        codePoints = Arrays.copyOf(codePoints, capacity);
        if (tracking) {
            from = Arrays.copyOf(from, capacity);
            to = Arrays.copyOf(to, capacity);
        }
    }

    @Override
    public String toString() {
        return new String(codePoints, 0, size);
    }
}
