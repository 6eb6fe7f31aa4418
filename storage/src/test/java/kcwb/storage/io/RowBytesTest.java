package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Readers hand the text's UTF-8 bytes on (a slice of the line) so the import never encodes it again, and the
 * fast decoder still tells a correctly encoded U+FFFD from invalid UTF-8.
 */
class RowBytesTest {
    private static List<ParsedRow> read(byte[] file, ImportOptions options) throws IOException {
        List<ParsedRow> rows = new ArrayList<>();
        try (RowReader reader = RowReaders.open(Path.of("t.tsv"), new ByteArrayInputStream(file), options)) {
            ParsedRow row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void theTextColumnsBytesAreASliceOfTheLineWhateverColumnItIs() throws IOException {
        String file = "hate\tㅋㅋ 진짜 웃기네 😂\tx\r\nnone\té (e + U+0301 stays as written)\ty\n";
        List<ParsedRow> rows = read(file.getBytes(StandardCharsets.UTF_8), ImportOptions.builder(ImportFormat.TSV)
                .optTextColumn("1").optLabelColumn("0").build());
        for (ParsedRow row : rows) {
            ParsedRow.Good good = assertInstanceOf(ParsedRow.Good.class, row);
            assertArrayEquals(good.text().getBytes(StandardCharsets.UTF_8), good.textUtf8());
        }
        assertEquals("ㅋㅋ 진짜 웃기네 😂", ((ParsedRow.Good) rows.getFirst()).text());
    }

    @Test
    void aQuotedFieldHasNoSliceAndIsEncodedLater() throws IOException {
        List<ParsedRow> rows = read("\"따옴표 \"\"안\"\" 댓글\",hate\n".getBytes(StandardCharsets.UTF_8),
                ImportOptions.builder(ImportFormat.CSV).optLabelColumn("1").build());
        ParsedRow.Good good = assertInstanceOf(ParsedRow.Good.class, rows.getFirst());
        assertEquals("따옴표 \"안\" 댓글", good.text());
        assertNull(good.textUtf8());
    }

    @Test
    void aCorrectlyEncodedReplacementCharacterIsTextButABrokenSequenceIsRejected() throws IOException {
        byte[] valid = "깨진 글자 \uFFFD 그대로\tnone\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = {(byte) 0xEA, (byte) 0xB0, '\t', 'n', 'o', 'n', 'e', '\n'}; // 가 without its last byte
        byte[] file = new byte[valid.length + broken.length];
        System.arraycopy(valid, 0, file, 0, valid.length);
        System.arraycopy(broken, 0, file, valid.length, broken.length);
        List<ParsedRow> rows = read(file, ImportOptions.builder(ImportFormat.TSV).optLabelColumn("1").build());
        assertEquals("깨진 글자 \uFFFD 그대로", assertInstanceOf(ParsedRow.Good.class, rows.getFirst()).text());
        ParsedRow.Rejected rejected = assertInstanceOf(ParsedRow.Rejected.class, rows.get(1));
        assertEquals(2, rejected.line());
        assertEquals("invalid UTF-8 at byte 1 of the line", rejected.reason());
    }
}
