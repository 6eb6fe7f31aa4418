package kcwb.storage.item;

import java.util.Locale;

/** The dataset split an item belongs to. */
public enum Split {
    TRAIN, DEV, TEST;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The split for a stored key; null for null. */
    public static Split fromKey(String key) {
        return key == null ? null : valueOf(key.toUpperCase(Locale.ROOT));
    }
}
