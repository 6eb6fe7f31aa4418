package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongLongHashMapTest {
    @org.junit.jupiter.params.ParameterizedTest(name = "sized for {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {0, 1_000, 60_000, 100_000_000})
    void agreesWithHashMapIncludingZeroGrowthAndFirstValueWins(long expectedEntries) {
        LongLongHashMap map = new LongLongHashMap(expectedEntries);
        Map<Long, Long> reference = new HashMap<>();
        Random random = new Random(1);
        for (int i = 1; i <= 50_000; i++) {
            long key = i % 7 == 0 ? random.nextInt(100) : random.nextLong();
            map.putIfAbsent(key, i);
            reference.putIfAbsent(key, (long) i);
        }
        map.putIfAbsent(0L, 99_999);
        reference.putIfAbsent(0L, 99_999L);
        for (Map.Entry<Long, Long> entry : reference.entrySet()) {
            assertEquals(entry.getValue(), map.get(entry.getKey()));
            long other = entry.getKey() ^ 0x5555L;
            assertEquals(reference.getOrDefault(other, LongLongHashMap.ABSENT), map.get(other));
        }
    }

    @Test
    void aMissingKeyIsAbsent() {
        LongLongHashMap map = new LongLongHashMap();
        assertEquals(LongLongHashMap.ABSENT, map.get(0L));
        assertEquals(LongLongHashMap.ABSENT, map.get(42L));
    }
}
