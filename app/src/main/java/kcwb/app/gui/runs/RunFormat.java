package kcwb.app.gui.runs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import kcwb.app.gui.common.I18n;
import kcwb.storage.run.RunState;

/** How run values read in the tables: local start time, short durations, learning rates in e-notation. */
final class RunFormat {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RunFormat() {}

    static String started(Instant instant, ZoneId zone) {
        return instant == null ? "" : STARTED.format(instant.atZone(zone));
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    static String learningRate(Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "%.1e", rate);
    }

    static String number(Number value) {
        return value == null ? "" : value.toString();
    }

    static String metric(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    static String epoch(Double epoch) {
        return epoch == null ? "" : String.format(Locale.ROOT, "%.2f", epoch);
    }

    /** running, finished, stopped (cancelled), interrupted, failed — in the UI language. */
    static String state(I18n i18n, RunState state) {
        return i18n.get("runs.state." + state.key());
    }
}
