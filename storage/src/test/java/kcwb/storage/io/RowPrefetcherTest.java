package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RowPrefetcherTest {
    /** Yields {@code rows} numbered rows (every 5th rejected), then fails with {@code failure} if given. */
    private static final class CountingReader implements RowReader {
        private final int rows;
        private final IOException failure;
        final AtomicBoolean closed = new AtomicBoolean();
        private int line;

        CountingReader(int rows, IOException failure) {
            this.rows = rows;
            this.failure = failure;
        }

        @Override
        public ParsedRow next() throws IOException {
            if (line == rows) {
                if (failure != null) {
                    throw failure;
                }
                return null;
            }
            line++;
            return line % 5 == 0 ? new ParsedRow.Rejected(line, "bad") : new ParsedRow.Good(line, "text " + line, List.of(), null);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    /** Passes every row on, and a marker before each good row whose line is a multiple of 3 (a stage may emit several steps). */
    private static void markEveryThird(ParsedRow row, Consumer<String> out) {
        if (row instanceof ParsedRow.Good && row.line() % 3 == 0) {
            out.accept("marker " + row.line());
        }
        out.accept((row instanceof ParsedRow.Good ? "good " : "rejected ") + row.line());
    }

    private static final BiConsumer<ParsedRow, Consumer<ParsedRow>> AS_IS = (row, out) -> out.accept(row);

    @Test
    void stepsComeBackInFileOrderWithEverythingTheStageEmitted() throws IOException {
        CountingReader reader = new CountingReader(5_000, null);
        try (RowPrefetcher<String> prefetcher = new RowPrefetcher<>(reader, RowPrefetcherTest::markEveryThird, "test")) {
            for (int line = 1; line <= 5_000; line++) {
                boolean good = line % 5 != 0;
                if (good && line % 3 == 0) {
                    assertEquals("marker " + line, prefetcher.next());
                }
                assertEquals((good ? "good " : "rejected ") + line, prefetcher.next());
            }
            assertNull(prefetcher.next());
            assertNull(prefetcher.next());
        }
        assertTrue(reader.closed.get());
    }

    @Test
    void aFailureOfTheStageReachesTheCallerAfterTheStepsBeforeIt() throws IOException {
        BiConsumer<ParsedRow, Consumer<ParsedRow>> failAt2500 = (row, out) -> {
            if (row.line() == 2_500) {
                throw new IllegalStateException("stage broke");
            }
            out.accept(row);
        };
        try (RowPrefetcher<ParsedRow> prefetcher = new RowPrefetcher<>(new CountingReader(3_000, null), failAt2500, "test")) {
            for (int line = 1; line < 2_500; line++) {
                assertEquals(line, prefetcher.next().line());
            }
            assertEquals("stage broke", assertThrows(IllegalStateException.class, prefetcher::next).getMessage());
            assertNull(prefetcher.next());
        }
    }

    @Test
    void aReadFailureReachesTheCallerAfterTheRowsBeforeIt() throws IOException {
        try (RowPrefetcher<ParsedRow> prefetcher = new RowPrefetcher<>(new CountingReader(3_000, new IOException("disk gone")),
                AS_IS, "test")) {
            for (int line = 1; line <= 3_000; line++) {
                assertEquals(line, prefetcher.next().line());
            }
            assertEquals("disk gone", assertThrows(IOException.class, prefetcher::next).getMessage());
        }
    }

    @Test
    @Timeout(10)
    void closingMidFileStopsTheReaderAndClosesTheFile() throws IOException {
        CountingReader reader = new CountingReader(1_000_000, null);
        RowPrefetcher<ParsedRow> prefetcher = new RowPrefetcher<>(reader, AS_IS, "test");
        assertEquals(1, prefetcher.next().line());
        prefetcher.close();
        assertTrue(reader.closed.get());
    }
}
