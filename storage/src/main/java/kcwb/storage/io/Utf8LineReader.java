package kcwb.storage.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads physical lines of a UTF-8 file, strictly: a leading BOM is skipped, LF and CRLF both end a
 * line, invalid UTF-8 and over-long lines come back as {@link Line#error()} with their line number
 * instead of being replaced or buffered whole. Memory stays bounded by the line limit.
 */
final class Utf8LineReader implements Closeable {
    /**
     * A physical line: its 1-based number, its text and the UTF-8 bytes it was decoded from (without the line
     * end), or the reason it could not be read (text and bytes null).
     */
    record Line(long number, String text, String error, byte[] utf8) {
        boolean ok() {
            return error == null;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private byte[] buffer = new byte[4096];
    private long lineNumber;
    private boolean started;

    Utf8LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        if (!started) {
            started = true;
            skipBom();
        }
        if (chunkPos == chunkEnd && !fill()) {
            return null;
        }
        lineNumber++;
        int length = 0;
        boolean tooLong = false;
        while (true) {
            if (chunkPos == chunkEnd && !fill()) {
                break;
            }
            int start = chunkPos;
            int end = start;
            while (end < chunkEnd && chunk[end] != '\n') {
                end++;
            }
            int count = end - start;
            if (!tooLong) {
                if (length + count > maxLineBytes) {
                    tooLong = true;
                } else {
                    ensureCapacity(length + count);
                    System.arraycopy(chunk, start, buffer, length, count);
                    length += count;
                }
            }
            chunkPos = end;
            if (end < chunkEnd) {
                chunkPos++; // consume the newline
                break;
            }
        }
        if (tooLong) {
            return new Line(lineNumber, null, "line longer than the limit of " + maxLineBytes + " bytes", null);
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        return decode(length);
    }

    private void skipBom() throws IOException {
        while (chunkEnd < 3 && fillMore()) {
            // read at least three bytes or the whole (shorter) file
        }
        if (chunkEnd >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF) {
            chunkPos = 3;
        }
    }

    private boolean fill() throws IOException {
        chunkPos = 0;
        chunkEnd = 0;
        return fillMore();
    }

    private boolean fillMore() throws IOException {
        int read = in.read(chunk, chunkEnd, chunk.length - chunkEnd);
        if (read <= 0) {
            return false;
        }
        chunkEnd += read;
        return true;
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(needed, Math.min(maxLineBytes, buffer.length * 2)));
        }
    }

    long lineNumber() {
        return lineNumber;
    }

    /**
     * Decodes with the JDK's String decoder (far faster than a CharsetDecoder), which replaces malformed input
     * with U+FFFD: a line without U+FFFD was valid; one with it is checked strictly, since U+FFFD may also be
     * in the file, correctly encoded.
     */
    private Line decode(int length) {
        String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                decoder.reset().decode(ByteBuffer.wrap(buffer, 0, length));
            } catch (CharacterCodingException e) {
                return new Line(lineNumber, null, "invalid UTF-8 at byte " + (firstInvalidByte(length) + 1) + " of the line", null);
            }
        }
        return new Line(lineNumber, text, null, java.util.Arrays.copyOf(buffer, length));
    }

    private int firstInvalidByte(int length) {
        CharsetDecoder probe = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        probe.decode(bytes, out, true);
        return bytes.position();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
