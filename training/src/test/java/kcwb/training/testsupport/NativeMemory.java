package kcwb.training.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Samples of this process's native memory for leak tests: resident memory (VmRSS) minus what the JVM has committed
 * for its heap and metaspace, taken right after a full GC (else the heap's growth with garbage hides or fakes a
 * native trend). Memory counts as settled once the last {@code window} samples lie within {@code boundKb} of each
 * other: allocator pools and the JIT grow for a while after start, a leak never settles.
 */
public final class NativeMemory {
    private final int window;
    private final long boundKb;
    private final List<Long> samplesKb = new ArrayList<>();

    public NativeMemory(int window, long boundKb) {
        if (window < 2) {
            throw new IllegalArgumentException("a window needs at least two samples: " + window);
        }
        this.window = window;
        this.boundKb = boundKb;
    }

    /** Takes one sample (after a full GC) and returns it, in KiB. */
    public long sample() {
        samplesKb.add(nativeKbAfterGc());
        return samplesKb.getLast();
    }

    /** True once the last {@code window} samples lie within the bound. */
    public boolean settled() {
        return samplesKb.size() >= window && lastWindowSpanKb() < boundKb;
    }

    /** Largest minus smallest of the last {@code window} samples (of all of them while there are fewer). */
    public long lastWindowSpanKb() {
        List<Long> last = samplesKb.subList(Math.max(0, samplesKb.size() - window), samplesKb.size());
        return last.isEmpty() ? 0 : Collections.max(last) - Collections.min(last);
    }

    public List<Long> samplesKb() {
        return List.copyOf(samplesKb);
    }

    /** RSS minus the JVM's committed heap and non-heap after a full GC, in KiB; 0 without /proc. */
    public static long nativeKbAfterGc() {
        System.gc();
        long rss = residentKb();
        if (rss == 0) {
            return 0;
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long javaKb = (memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted()) / 1024;
        return rss - javaKb;
    }

    /** This process's resident set size (VmRSS), in KiB; 0 where /proc/self/status does not exist. */
    public static long residentKb() {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        try {
            return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
