package kcwb.storage.io;

/**
 * An open-addressing map from a content hash to the first item id that has it: 16 bytes a slot
 * instead of ~80 for a boxed HashMap entry, so a million-row import's dedupe map stays far inside
 * the 256 MB heap budget. Ids are positive; {@link #get} answers {@link #ABSENT} for a missing key.
 */
final class LongLongHashMap {
    static final long ABSENT = -1L;
    private static final long EMPTY = 0L;
    private long[] keys = new long[1 << 12];
    private long[] values = new long[1 << 12];
    private long zeroValue = ABSENT;
    private int size;

    long get(long key) {
        if (key == EMPTY) {
            return zeroValue;
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
            if (keys[i] == EMPTY) {
                return ABSENT;
            }
        }
    }

    /** Maps {@code key} to {@code value} unless the key is present already (the first id wins). */
    void putIfAbsent(long key, long value) {
        if (key == EMPTY) {
            if (zeroValue == ABSENT) {
                zeroValue = value;
            }
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        if (insert(keys, values, key, value)) {
            size++;
        }
    }

    private static boolean insert(long[] keys, long[] values, long key, long value) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return false;
            }
            if (keys[i] == EMPTY) {
                keys[i] = key;
                values[i] = value;
                return true;
            }
        }
    }

    private void grow() {
        long[] biggerKeys = new long[keys.length * 2];
        long[] biggerValues = new long[keys.length * 2];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                insert(biggerKeys, biggerValues, keys[i], values[i]);
            }
        }
        keys = biggerKeys;
        values = biggerValues;
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
