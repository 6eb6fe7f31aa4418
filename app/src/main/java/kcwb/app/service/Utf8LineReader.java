package kcwb.app.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a stream line by line as strict UTF-8 and knows each line's number, so invalid bytes are
 * reported on the exact line (a decoding Reader reads ahead and cannot say where). Lines end at
 * {@code \n}; a {@code \r} before it is dropped. Holds one line at a time.
 */
public final class Utf8LineReader {
    /** Longest line accepted, so one broken file cannot exhaust the heap. */
    public static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    private final InputStream in;
    private final String sourceName;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[64 * 1024];
    private int bufferPos;
    private int bufferEnd;
    private byte[] line = new byte[1024];
    private long lineNumber;

    /** @param sourceName how messages name the input, e.g. "stdin" or a file path */
    public Utf8LineReader(InputStream in, String sourceName) {
        this.in = in;
        this.sourceName = sourceName;
    }

    /** The 1-based number of the line returned last. */
    public long lineNumber() {
        return lineNumber;
    }

    /**
     * The next line without its terminator, or null at the end of the stream.
     *
     * @throws BadInputLineException when the line is not valid UTF-8 or is too long
     */
    public String readLine() throws IOException {
        int length = 0;
        boolean sawAny = false;
        while (true) {
            if (bufferPos == bufferEnd && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            byte b = buffer[bufferPos++];
            if (b == '\n') {
                break;
            }
            if (length == line.length) {
                if (length >= MAX_LINE_BYTES) {
                    throw new BadInputLineException(sourceName, lineNumber + 1,
                            "line is longer than " + MAX_LINE_BYTES + " bytes");
                }
                line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, length * 2));
            }
            line[length++] = b;
        }
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return decode(length);
    }

    private String decode(int length) {
        decoder.reset();
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(line, 0, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new BadInputLineException(sourceName, lineNumber, "invalid UTF-8 at byte "
                    + (firstInvalidByte(length) + 1) + " of the line");
        }
    }

    private int firstInvalidByte(int length) {
        CharsetDecoder probe = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        probe.decode(bytes, out, true);
        return bytes.position();
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read <= 0) {
            return false;
        }
        bufferPos = 0;
        bufferEnd = read;
        return true;
    }
}
