package kcwb.app.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads strict UTF-8 text one line at a time, in constant memory beyond the longest line. A line ends
 * at '\n'; one '\r' just before it is dropped (so CRLF files read like LF files), while a lone '\r'
 * inside a line is kept as text. A last line without '\n' still counts; a final '\n' does not start
 * another line. Invalid UTF-8 is an error naming the line and byte, never replaced.
 */
public final class Utf8LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int bufferPos;
    private int bufferEnd;
    private byte[] line = new byte[256];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(256);
    private long lineNumber;

    public Utf8LineReader(InputStream in) {
        this.in = in;
    }

    /** The number of the line last returned (1-based), 0 before the first. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or null at the end of the input. */
    public String readLine() throws IOException, BadLineException {
        int length = 0;
        boolean sawAny = false;
        while (true) {
            if (bufferPos == bufferEnd) {
                int read = in.read(buffer);
                if (read < 0) {
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
                bufferPos = 0;
                bufferEnd = read;
            }
            sawAny = true;
            int start = bufferPos;
            int newline = -1;
            for (int i = start; i < bufferEnd; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int chunkEnd = newline < 0 ? bufferEnd : newline;
            int chunk = chunkEnd - start;
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            if (newline >= 0) {
                bufferPos = newline + 1;
                break;
            }
            bufferPos = bufferEnd;
        }
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return decode(length);
    }

    private String decode(int length) throws BadLineException {
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        if (chars.capacity() < length) {
            chars = CharBuffer.allocate(length);
        }
        chars.clear();
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            throw new BadLineException(lineNumber, "invalid UTF-8 at byte " + (at + 1) + " of the line (byte 0x"
                    + String.format("%02X", line[at] & 0xFF) + ")", null);
        }
        chars.flip();
        return chars.toString();
    }
}
