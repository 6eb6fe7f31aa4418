package kcwb.training.hub;

import java.time.Duration;
import java.util.Optional;

/**
 * A progress report for one file.
 *
 * @param file the file name in the repository
 * @param bytes bytes on disk so far (including what an earlier, interrupted run fetched)
 * @param total the file size, or -1 when unknown
 * @param bytesPerSecond the average rate of this transfer (not counting resumed bytes)
 */
public record DownloadProgress(String file, long bytes, long total, double bytesPerSecond) {
    /** The time left at the current rate; empty while the size or the rate is unknown. */
    public Optional<Duration> eta() {
        if (total < 0 || bytesPerSecond <= 0) {
            return Optional.empty();
        }
        long remaining = Math.max(0, total - bytes);
        return Optional.of(Duration.ofMillis((long) (remaining * 1000.0 / bytesPerSecond)));
    }

    /** 0..1, or -1 when the size is unknown. */
    public double fraction() {
        return total <= 0 ? (total == 0 ? 1 : -1) : Math.min(1.0, (double) bytes / total);
    }
}
