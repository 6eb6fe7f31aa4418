package kcwb.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LineReaderTest {
    private static List<String> lines(byte[] input) throws IOException, BadLineException {
        Utf8LineReader reader = new Utf8LineReader(new ByteArrayInputStream(input));
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
            assertEquals(lines.size(), reader.lineNumber());
        }
        return lines;
    }

    private static List<String> lines(String input) throws IOException, BadLineException {
        return lines(input.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsOnNewlineAndDropsOneCarriageReturnBeforeIt() throws Exception {
        assertEquals(List.of("a", "b", "", "c\rd", "e\r"), lines("a\r\nb\n\nc\rd\ne\r\r\n"));
        assertEquals(List.of("last"), lines("last"));
        assertEquals(List.of("x"), lines("x\n"));
        assertEquals(List.of(""), lines("\n"));
        assertEquals(List.of(), lines(""));
    }

    @Test
    void multiByteCharactersAcrossBufferBoundariesAndLongLines() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        String longLine = "가😀".repeat(50_000); // 350 KB, several 64 KB buffers, chars split across them
        for (int i = 0; i < 3; i++) {
            input.writeBytes(longLine.getBytes(StandardCharsets.UTF_8));
            input.write('\n');
            input.writeBytes("ㅋ\r\n".getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines = lines(input.toByteArray());
        assertEquals(6, lines.size());
        assertEquals(longLine, lines.get(4));
        assertEquals("ㅋ", lines.get(5));
    }

    @Test
    void invalidUtf8NamesLineAndByte() {
        byte[][] bad = {
            {'o', 'k', '\n', 'a', (byte) 0xFF, '\n'},                   // never valid
            {'o', 'k', '\n', 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
            {'o', 'k', '\n', 'a', (byte) 0xC0, (byte) 0x80},             // overlong NUL
            {'o', 'k', '\n', 'a', (byte) 0xEA, (byte) 0xB0},             // truncated at the end
        };
        for (byte[] input : bad) {
            BadLineException e = assertThrows(BadLineException.class, () -> lines(input));
            assertEquals(2, e.lineNumber());
            assertTrue(e.getMessage().startsWith("line 2: invalid UTF-8 at byte 2 of the line"), e.getMessage());
        }
    }
}
