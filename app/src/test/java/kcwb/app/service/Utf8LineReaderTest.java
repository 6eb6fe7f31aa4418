package kcwb.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8LineReaderTest {
    private static Utf8LineReader reader(byte[] bytes) {
        return new Utf8LineReader(new ByteArrayInputStream(bytes), "in.jsonl");
    }

    @Test
    void linesEndAtNewlineWithOptionalCarriageReturnAndLastLineNeedsNoTerminator() throws IOException {
        Utf8LineReader lines = reader("가\r\n\n나\r다\n라".getBytes(StandardCharsets.UTF_8));
        assertEquals("가", lines.readLine());
        assertEquals("", lines.readLine());
        assertEquals("나\r다", lines.readLine(), "a lone \\r is content, not a line end");
        assertEquals("라", lines.readLine());
        assertEquals(4, lines.lineNumber());
        assertNull(lines.readLine());
        assertNull(reader(new byte[0]).readLine());
    }

    @Test
    void invalidBytesAreReportedOnTheirOwnLineEvenPastTheReadBuffer() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < 20_000; i++) {
            bytes.writeBytes("\"댓글 하나\"\n".getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes(new byte[] {'a', 'b', (byte) 0xE2, (byte) 0x28, '\n', 'c', '\n'});
        Utf8LineReader lines = reader(bytes.toByteArray());
        for (int i = 0; i < 20_000; i++) {
            lines.readLine();
        }
        var error = assertThrows(BadInputLineException.class, lines::readLine);
        assertEquals("in.jsonl line 20001: invalid UTF-8 at byte 3 of the line", error.getMessage());
        assertEquals(20_001, error.lineNumber());
    }

    @Test
    void encodedSurrogatesAreInvalidUtf8() {
        byte[] cesu = {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'};
        assertThrows(BadInputLineException.class, () -> reader(cesu).readLine());
    }
}
