package kcwb.storage.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import kcwb.storage.item.ContentHash;

/**
 * Reads, decodes, splits, encodes and hashes rows on a background thread while the importing thread writes
 * the previous ones into SQLite: on two or more cores the parser's CPU time overlaps the database's.
 * Rows come back in file order, in chunks, through a small bounded queue (a few thousand rows in
 * memory at most). A failure of the reader is rethrown to the caller of {@link #next} in order.
 */
final class RowPrefetcher implements AutoCloseable {
    /**
     * A row and, for a good row, its text's UTF-8 bytes and their {@link ContentHash} (null and 0 for a rejected
     * row): encoded once, here, for both the hash and the database.
     */
    record HashedRow(ParsedRow row, long contentHash, byte[] utf8) {}

    private static final int CHUNK = 1_024;
    private static final Chunk END = new Chunk(List.of(), null);
    private final RowReader reader;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private List<HashedRow> current = List.of();
    private int position;
    private boolean finished;

    /** A run of rows, or the failure that ended reading. */
    private record Chunk(List<HashedRow> rows, Throwable failure) {}

    RowPrefetcher(RowReader reader, String name) {
        this.reader = reader;
        this.thread = new Thread(this::readAll, "kcwb-import-reader " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The next row in file order, or null at the end of the file. */
    HashedRow next() throws IOException {
        while (position == current.size()) {
            if (finished) {
                return null;
            }
            Chunk chunk = take();
            if (chunk.failure() != null) {
                finished = true;
                rethrow(chunk.failure());
            }
            if (chunk == END) {
                finished = true;
                return null;
            }
            current = chunk.rows();
            position = 0;
        }
        return current.get(position++);
    }

    private void readAll() {
        List<HashedRow> chunk = new ArrayList<>(CHUNK);
        try {
            ParsedRow row;
            while ((row = reader.next()) != null) {
                if (row instanceof ParsedRow.Good good) {
                    byte[] utf8 = good.text().getBytes(StandardCharsets.UTF_8);
                    chunk.add(new HashedRow(row, ContentHash.ofUtf8(utf8), utf8));
                } else {
                    chunk.add(new HashedRow(row, 0L, null));
                }
                if (chunk.size() == CHUNK) {
                    queue.put(new Chunk(chunk, null));
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            queue.put(new Chunk(chunk, null));
            queue.put(END);
        } catch (InterruptedException e) {
            // closed by the consumer: stop reading
        } catch (IOException | RuntimeException | Error e) {
            try {
                queue.put(new Chunk(chunk, null)); // the rows before the failure still count
                queue.put(new Chunk(List.of(), e));
            } catch (InterruptedException closed) {
                // the consumer is gone; nobody needs the failure
            }
        }
    }

    private Chunk take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the import file", e);
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        switch (failure) {
            case IOException io -> throw io;
            case RuntimeException runtime -> throw runtime;
            case Error error -> throw error;
            default -> throw new IOException(failure);
        }
    }

    /** Stops the reader thread and closes the file. */
    @Override
    public void close() throws IOException {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reader.close();
        }
    }
}
