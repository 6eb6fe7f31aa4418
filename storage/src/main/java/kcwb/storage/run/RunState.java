package kcwb.storage.run;

import java.util.Locale;

/** Where a training run is. Every state but RUNNING is final. */
public enum RunState {
    RUNNING, FINISHED, FAILED, INTERRUPTED, CANCELLED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunState fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
