package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kcwb.storage.item.ContentHash;
import kcwb.storage.project.TaskType;
import org.junit.jupiter.api.Test;

/** The reader thread's decisions, row by row, without a database. */
class ImportScreenTest {
    private static final ImportOptions CREATE_AND_DEDUPE = ImportOptions.builder(ImportFormat.TSV).optLabelColumn("1")
            .optCreateLabels(true).optDedupe(true).optMinTextLength(2).build();

    private final List<ScreenedRow> steps = new ArrayList<>();

    private List<ScreenedRow> screen(ImportScreen screen, ParsedRow row) {
        steps.clear();
        screen.screen(row, steps::add);
        return List.copyOf(steps);
    }

    private static ParsedRow.Good good(long line, String text, String... labels) {
        return new ParsedRow.Good(line, text, List.of(labels), null);
    }

    @Test
    void newItemsTakeContiguousIdsInFileOrderAndDuplicatesTakeNone() {
        ImportScreen screen = new ImportScreen(TaskType.SINGLE_LABEL, CREATE_AND_DEDUPE, Set.of("hate"), new LongLongHashMap(),
                100, ContentHash::ofUtf8);
        ScreenedRow.Insert first = assertInstanceOf(ScreenedRow.Insert.class, screen(screen, good(1, "첫 댓글", "hate")).getFirst());
        ScreenedRow.PossibleDuplicate again = assertInstanceOf(ScreenedRow.PossibleDuplicate.class,
                screen(screen, good(2, "첫 댓글")).getFirst());
        ScreenedRow.Insert second = assertInstanceOf(ScreenedRow.Insert.class, screen(screen, good(3, "둘째 댓글")).getFirst());
        assertEquals(100, first.row().id());
        assertEquals(100, again.firstId());
        assertEquals(101, second.row().id());
        assertArrayEquals("첫 댓글".getBytes(StandardCharsets.UTF_8), first.row().utf8());
        assertEquals(ContentHash.of("첫 댓글"), first.row().contentHash());
        assertEquals("[\"hate\"]", first.row().labelsJson());
        assertNull(second.row().labelsJson());
    }

    @Test
    void theReaderGivenBytesAreUsedAsTheyAre() {
        ImportScreen screen = new ImportScreen(TaskType.SINGLE_LABEL, CREATE_AND_DEDUPE, Set.of(), null, 1, ContentHash::ofUtf8);
        byte[] utf8 = "ㅋㅋㅋ 웃기다".getBytes(StandardCharsets.UTF_8);
        ScreenedRow.Insert insert = assertInstanceOf(ScreenedRow.Insert.class,
                screen(screen, new ParsedRow.Good(1, "ㅋㅋㅋ 웃기다", List.of(), null, utf8)).getFirst());
        assertEquals(utf8, insert.row().utf8()); // the same array: not encoded again
    }

    @Test
    void anUnknownLabelIsCreatedOnceBeforeItsFirstRow() {
        ImportScreen screen = new ImportScreen(TaskType.SINGLE_LABEL, CREATE_AND_DEDUPE, Set.of("none"), null, 1, ContentHash::ofUtf8);
        List<ScreenedRow> firstUse = screen(screen, good(1, "욕설 댓글", "offensive"));
        assertEquals(new ScreenedRow.CreateLabel("offensive"), firstUse.getFirst());
        assertInstanceOf(ScreenedRow.Insert.class, firstUse.get(1));
        assertEquals(1, screen(screen, good(2, "또 욕설", "offensive")).size());
    }

    @Test
    void badRowsAreRejectedWithTheirReasonAndUnknownLabelsNamedWithoutCreateLabels() {
        ImportOptions strict = ImportOptions.builder(ImportFormat.TSV).optLabelColumn("1").build();
        ImportScreen screen = new ImportScreen(TaskType.SINGLE_LABEL, strict, Set.of("none"), null, 1, ContentHash::ofUtf8);
        ScreenedRow.Rejected unknown = assertInstanceOf(ScreenedRow.Rejected.class, screen(screen, good(4, "댓글", "spam")).getFirst());
        assertEquals("spam", unknown.unknownLabel());
        assertEquals(4, unknown.line());
        ScreenedRow.Rejected blank = assertInstanceOf(ScreenedRow.Rejected.class, screen(screen, good(5, " \u3000 ")).getFirst());
        assertEquals("empty text", blank.reason());
        ScreenedRow.Rejected several = assertInstanceOf(ScreenedRow.Rejected.class,
                screen(screen, good(6, "댓글", "none", "none")).getFirst());
        assertEquals("several labels [none, none] for a single-label project", several.reason());
        assertEquals(new ScreenedRow.Rejected(7, "wrong column count", null),
                screen(screen, new ParsedRow.Rejected(7, "wrong column count")).getFirst());
    }

    @Test
    void aShortTextIsCountedNotImportedAndTakesNoId() {
        ImportScreen screen = new ImportScreen(TaskType.SINGLE_LABEL, CREATE_AND_DEDUPE, Set.of(), new LongLongHashMap(), 1,
                ContentHash::ofUtf8);
        assertEquals(new ScreenedRow.TooShort(1), screen(screen, good(1, "ㅋ")).getFirst());
        assertEquals(1, assertInstanceOf(ScreenedRow.Insert.class, screen(screen, good(2, "ㅋㅋ")).getFirst()).row().id());
    }
}
