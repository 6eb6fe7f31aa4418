package kcwb.storage.io;

/**
 * An open-addressing map from a content hash to the first item id that has it: 16 bytes a slot
 * instead of ~80 for a boxed HashMap entry, so a million-row import's dedupe map stays far inside
 * the 256 MB heap budget. Key and value share one array (key at 2i, value at 2i+1): a lookup in a
 * map of millions touches one cache line, not two. Ids are positive; {@link #get} answers
 * {@link #ABSENT} for a missing key.
 */
final class LongLongHashMap {
    static final long ABSENT = -1L;
    private static final long EMPTY = 0L;
    private static final int MIN_SLOTS = 1 << 12;
    private static final int MAX_PRESIZED_SLOTS = 1 << 22; // 64 MiB of arrays at most before real entries need more
    private final int initialSlots;
    /** Allocated on first use, by the thread that uses the map first (an import's reader thread). */
    private long[] slots;
    private long zeroValue = ABSENT;
    private int size;

    LongLongHashMap() {
        this(0);
    }

    /**
     * A map sized for {@code expectedEntries} without growing: growing a map of a million entries rehashes
     * them all, a pause of ~0.1 s in the middle of an import.
     */
    LongLongHashMap(long expectedEntries) {
        long slotsNeeded = Math.max(MIN_SLOTS, Long.highestOneBit(Math.max(1, expectedEntries * 2 - 1)) << 1);
        initialSlots = (int) Math.min(MAX_PRESIZED_SLOTS, slotsNeeded);
    }

    private long[] slots() {
        if (slots == null) {
            slots = new long[2 * initialSlots];
        }
        return slots;
    }

    long get(long key) {
        if (key == EMPTY) {
            return zeroValue;
        }
        long[] slots = slots();
        int mask = slots.length / 2 - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long slotKey = slots[2 * i];
            if (slotKey == key) {
                return slots[2 * i + 1];
            }
            if (slotKey == EMPTY) {
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
        if ((size + 1) * 4L > slots().length) { // at most half of the slots in use
            grow();
        }
        if (insert(slots, key, value)) {
            size++;
        }
    }

    private static boolean insert(long[] slots, long key, long value) {
        int mask = slots.length / 2 - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long slotKey = slots[2 * i];
            if (slotKey == key) {
                return false;
            }
            if (slotKey == EMPTY) {
                slots[2 * i] = key;
                slots[2 * i + 1] = value;
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != EMPTY) {
                insert(bigger, slots[i], slots[i + 1]);
            }
        }
        slots = bigger;
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
