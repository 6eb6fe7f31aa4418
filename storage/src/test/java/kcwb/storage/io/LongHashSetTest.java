package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongHashSetTest {
    @Test
    void agreesWithHashSetIncludingZeroAndGrowth() {
        LongHashSet set = new LongHashSet();
        Set<Long> reference = new HashSet<>();
        Random random = new Random(1);
        for (int i = 0; i < 50_000; i++) {
            long value = i % 7 == 0 ? random.nextInt(100) : random.nextLong();
            set.add(value);
            reference.add(value);
        }
        set.add(0L);
        reference.add(0L);
        Random probe = new Random(1);
        for (int i = 0; i < 50_000; i++) {
            long value = i % 7 == 0 ? probe.nextInt(100) : probe.nextLong();
            assertEquals(true, set.contains(value));
            long other = value ^ 0x5555L;
            assertEquals(reference.contains(other), set.contains(other));
        }
        assertEquals(true, set.contains(0L));
    }
}
