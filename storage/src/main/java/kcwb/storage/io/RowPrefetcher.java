package kcwb.storage.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads rows and turns them into import steps on a background thread while the importing thread writes the
 * previous ones into SQLite: on two or more cores the parser's and the checks' CPU time overlaps the
 * database's. Steps come back in file order, in chunks, through a small bounded queue (a few thousand rows
 * in memory at most). A failure of the reader or of the stage is rethrown to the caller of {@link #next},
 * after the steps before it.
 *
 * @param <T> what {@code stage} makes of a row (it may emit any number of steps per row)
 */
final class RowPrefetcher<T> implements AutoCloseable {
    private static final int CHUNK = 1_024;
    /**
     * The first chunks are small (64, 128, ... steps) so the importing thread starts writing, and warming up,
     * while this thread is still slow (interpreted, not yet compiled); then {@value #CHUNK} steps a chunk.
     */
    private static final int FIRST_CHUNK = 64;
    private int chunkSize = FIRST_CHUNK;
    private final RowReader reader;
    private final BiConsumer<ParsedRow, Consumer<T>> stage;
    private final BlockingQueue<Chunk<T>> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private List<T> current = List.of();
    private int position;
    private boolean finished;
    private Throwable failure;
    /** The reader thread's chunk being filled. */
    private List<T> buffer = new ArrayList<>(CHUNK + 16);

    /** A run of steps; the last chunk says whether reading ended normally ({@code end}) or with {@code failure}. */
    private record Chunk<T>(List<T> steps, boolean end, Throwable failure) {}

    RowPrefetcher(RowReader reader, BiConsumer<ParsedRow, Consumer<T>> stage, String name) {
        this.reader = reader;
        this.stage = stage;
        this.thread = new Thread(this::readAll, "kcwb-import-reader " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The next step in file order, or null at the end of the file. */
    T next() throws IOException {
        while (position == current.size()) {
            if (failure != null) {
                Throwable thrown = failure;
                failure = null;
                rethrow(thrown);
            }
            if (finished) {
                return null;
            }
            Chunk<T> chunk = take();
            current = chunk.steps();
            position = 0;
            finished = chunk.end() || chunk.failure() != null;
            failure = chunk.failure();
        }
        return current.get(position++);
    }

    /** Runs on the reader thread. */
    private void readAll() {
        try {
            ParsedRow row;
            while ((row = reader.next()) != null) {
                stage.accept(row, buffer::add);
                if (buffer.size() >= chunkSize) {
                    queue.put(new Chunk<>(buffer, false, null));
                    chunkSize = Math.min(CHUNK, chunkSize * 2);
                    buffer = new ArrayList<>(chunkSize + 16);
                }
            }
            queue.put(new Chunk<>(buffer, true, null));
        } catch (InterruptedException e) {
            // closed by the consumer: stop reading
        } catch (IOException | RuntimeException | Error e) {
            try {
                queue.put(new Chunk<>(buffer, false, e)); // the steps before the failure still count
            } catch (InterruptedException closed) {
                // the consumer is gone; nobody needs the failure
            }
        }
    }

    private Chunk<T> take() throws IOException {
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
