package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import kcwb.storage.item.ContentHash;
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

    @Test
    void rowsComeBackInFileOrderWithTheirHashes() throws IOException {
        CountingReader reader = new CountingReader(5_000, null);
        try (RowPrefetcher prefetcher = new RowPrefetcher(reader, "test")) {
            for (int line = 1; line <= 5_000; line++) {
                RowPrefetcher.HashedRow row = prefetcher.next();
                assertEquals(line, row.row().line());
                if (row.row() instanceof ParsedRow.Good good) {
                    assertEquals(ContentHash.of(good.text()), row.contentHash());
                    org.junit.jupiter.api.Assertions.assertArrayEquals(
                            good.text().getBytes(java.nio.charset.StandardCharsets.UTF_8), row.utf8());
                }
            }
            assertNull(prefetcher.next());
            assertNull(prefetcher.next());
        }
        assertTrue(reader.closed.get());
    }

    @Test
    void aReadFailureReachesTheCallerAfterTheRowsBeforeIt() throws IOException {
        try (RowPrefetcher prefetcher = new RowPrefetcher(new CountingReader(3_000, new IOException("disk gone")), "test")) {
            for (int line = 1; line <= 3_000; line++) {
                assertEquals(line, prefetcher.next().row().line());
            }
            assertEquals("disk gone", assertThrows(IOException.class, prefetcher::next).getMessage());
        }
    }

    @Test
    @Timeout(10)
    void closingMidFileStopsTheReaderAndClosesTheFile() throws IOException {
        CountingReader reader = new CountingReader(1_000_000, null);
        RowPrefetcher prefetcher = new RowPrefetcher(reader, "test");
        assertEquals(1, prefetcher.next().row().line());
        prefetcher.close();
        assertTrue(reader.closed.get());
    }
}
