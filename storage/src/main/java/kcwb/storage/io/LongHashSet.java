package kcwb.storage.io;

/**
 * An open-addressing set of longs (content hashes): 8 bytes a slot instead of ~50 for a boxed
 * HashSet entry, so a million-row import's dedupe set fits the 256 MB heap budget easily.
 */
final class LongHashSet {
    private static final long EMPTY = 0L;
    private long[] slots = new long[1 << 12];
    private boolean hasZero;
    private int size;

    boolean contains(long value) {
        if (value == EMPTY) {
            return hasZero;
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == value) {
                return true;
            }
            if (slots[i] == EMPTY) {
                return false;
            }
        }
    }

    void add(long value) {
        if (value == EMPTY) {
            hasZero = true;
            return;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, value)) {
            size++;
        }
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            if (table[i] == value) {
                return false;
            }
            if (table[i] == EMPTY) {
                table[i] = value;
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long value : slots) {
            if (value != EMPTY) {
                insert(bigger, value);
            }
        }
        slots = bigger;
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
