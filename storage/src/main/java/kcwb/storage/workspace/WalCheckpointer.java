package kcwb.storage.workspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Moves WAL pages into the database file from a background thread with its own connection, so a
 * label save never pays for a checkpoint (and its fsyncs) inline: the workspace connection runs
 * with {@code wal_autocheckpoint=0}. PASSIVE checkpoints never block readers or the writer.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final long PERIOD_MS = 2_000;
    private final Connection connection;
    private final ScheduledExecutorService executor;

    WalCheckpointer(Path file) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + WorkspaceStore.BUSY_TIMEOUT_MS);
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kcwb-wal-checkpoint " + file.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::checkpoint, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            // Busy or closing: the next round (or the last connection's close) checkpoints instead.
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // nothing left to do: the file is consistent whether or not this connection closed cleanly
        }
    }
}
