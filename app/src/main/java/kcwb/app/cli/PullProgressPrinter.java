package kcwb.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import kcwb.training.hub.DownloadListener;
import kcwb.training.hub.DownloadProgress;

/**
 * Prints a pull's progress: on a terminal one line rewritten with carriage returns, otherwise
 * (a log, a pipe) a plain line per file at most every few seconds, so logs stay readable.
 */
final class PullProgressPrinter implements DownloadListener {
    private static final long PLAIN_LINE_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private boolean lineOpen;
    private long lastPlainLine;

    PullProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void fileStarted(String file, long totalBytes, long resumedFrom) {
        endLine();
        out.println("  " + file + ": downloading " + size(totalBytes)
                + (resumedFrom > 0 ? " (resuming at " + size(resumedFrom) + ")" : ""));
        out.flush();
        lastPlainLine = System.nanoTime();
    }

    @Override
    public void progress(DownloadProgress p) {
        String line = format(p);
        if (terminal) {
            out.print("\r" + line + "   ");
            lineOpen = true;
            out.flush();
        } else if (System.nanoTime() - lastPlainLine >= PLAIN_LINE_INTERVAL_NANOS) {
            lastPlainLine = System.nanoTime();
            out.println(line);
            out.flush();
        }
    }

    @Override
    public void fileReady(String file, Path path, boolean downloaded) {
        endLine();
        out.println("  " + file + (downloaded ? ": done" : ": already cached"));
        out.flush();
    }

    @Override
    public void fileSkipped(String file, String reason) {
        endLine();
        out.println("  " + file + ": skipped (" + reason + ")");
        out.flush();
    }

    @Override
    public void warning(String message) {
        endLine();
        out.println("kcwb: warning: " + message);
        out.flush();
    }

    void finish() {
        endLine();
        out.flush();
    }

    /** {@code    pytorch_model.bin  42% 182.4/431.2 MB  12.3 MB/s  ETA 0:20}. */
    static String format(DownloadProgress p) {
        String percent = p.fraction() < 0 ? "  ?%" : String.format(Locale.ROOT, "%3d%%", Math.round(p.fraction() * 100));
        String amount = p.total() < 0 ? mb(p.bytes()) + " MB"
                : mb(p.bytes()) + "/" + mb(p.total()) + " MB";
        String speed = String.format(Locale.ROOT, "%.1f MB/s", p.bytesPerSecond() / 1e6);
        String eta = p.eta().map(PullProgressPrinter::clock).orElse("?");
        return "    " + p.file() + "  " + percent + " " + amount + "  " + speed + "  ETA " + eta;
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    private static String size(long bytes) {
        return bytes < 0 ? "(size unknown)" : mb(bytes) + " MB";
    }

    private void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }
}
