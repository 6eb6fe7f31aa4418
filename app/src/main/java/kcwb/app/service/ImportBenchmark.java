package kcwb.app.service;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kcwb.storage.io.ImportFormat;
import kcwb.storage.io.ImportOptions;
import kcwb.storage.io.ImportReport;
import kcwb.storage.io.Importer;
import kcwb.storage.item.Item;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;

/**
 * {@code kcwb bench import}: our import (validation + dedupe on) against the sqlite3 CLI's
 * {@code .import} of the same TSV, in the same run; and label latency on a big project.
 */
public final class ImportBenchmark {
    /** The numbers of one import run. */
    /**
     * {@code importThreadCpuSeconds} is the CPU time of the thread that ran the import (the writer, which owns the
     * connection); the rest of {@code appCpuSeconds} is the reader thread, the JIT compilers and the GC.
     */
    public record ImportResult(long rows, double appSeconds, double sqliteSeconds, double appCpuSeconds,
            double importThreadCpuSeconds, double sqliteCpuSeconds, long peakHeapBytes, long imported, long duplicates) {
        public double appRowsPerSecond() { return rows / appSeconds; }
        public double sqliteRowsPerSecond() { return rows / sqliteSeconds; }
        /** Wall-clock throughput ratio, app / sqlite3 CLI. */
        public double ratio() { return appRowsPerSecond() / sqliteRowsPerSecond(); }
        /** The same ratio on CPU seconds: fairer on a shared, overloaded machine. */
        public double cpuRatio() { return sqliteCpuSeconds / appCpuSeconds; }
    }

    /**
     * Latencies in milliseconds. {@code select1} (a {@code SELECT 1} round trip) and {@code emptyTx}
     * (BEGIN IMMEDIATE + COMMIT with nothing in between) are the noise floor of the same run: on a
     * loaded machine their p99 shows how much of the save's p99 is scheduling, not work. They are
     * far shorter than a save, so a preemption rarely lands in them; {@code cpu} is plain arithmetic
     * calibrated to last as long as the median save, run right after the saves: its p99 is what the scheduler alone does to a
     * piece of work of the save's length.
     */
    public record LabelResult(long items, int samples, Latency next, Latency save, Latency select1, Latency emptyTx,
            Latency cpu) {}

    /**
     * One timed operation: percentiles in milliseconds and the share of samples slower than 1 ms and 2 ms, so
     * that a p99 made by a few scheduler stalls is told apart from a slow operation.
     */
    public record Latency(double p50, double p99, double p999, double max, double shareOver1Ms, double shareOver2Ms) {
        static Latency of(long[] nanos) {
            return new Latency(percentile(nanos, 50), percentile(nanos, 99), percentile(nanos, 99.9),
                    Arrays.stream(nanos).max().orElse(0) / 1e6, shareOver(nanos, 1_000_000), shareOver(nanos, 2_000_000));
        }

        private static double shareOver(long[] nanos, long limit) {
            return nanos.length == 0 ? 0 : (double) Arrays.stream(nanos).filter(n -> n > limit).count() / nanos.length;
        }
    }

    /** Untimed next + save pairs before the timed ones. */
    static final int WARM_UP = 500;

    private ImportBenchmark() {}

    public static ImportResult importBench(Path tsv, Path dir, String sqlite3) throws IOException, InterruptedException {
        long rows;
        try (var lines = Files.lines(tsv)) {
            rows = lines.count();
        }
        Path workspaceFile = dir.resolve("bench.kcwb");
        Files.deleteIfExists(workspaceFile);
        Files.deleteIfExists(dir.resolve("sqlite-cli.db"));
        flushDirtyPages();
        SqliteCliImport.Timing sqlite = SqliteCliImport.run(sqlite3, tsv, dir.resolve("sqlite-cli.db"));
        flushDirtyPages();
        loadSqliteDriver();
        resetPeaks();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long threadCpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ImportReport report;
        try (Workspace workspace = WorkspaceStore.create(workspaceFile)) {
            Project project = workspace.projects().create("bench", TaskType.SINGLE_LABEL);
            report = new Importer().run(workspace, project, tsv, ImportOptions.builder(ImportFormat.TSV).optTextColumn("0")
                    .optLabelColumn("1").optCreateLabels(true).optDedupe(true).optQuoting(false).build());
        }
        double appSeconds = (System.nanoTime() - start) / 1e9;
        double appCpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double threadCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpuStart) / 1e9;
        return new ImportResult(rows, appSeconds, sqlite.wallSeconds(), appCpu, threadCpu, sqlite.cpuSeconds(), peakHeap(),
                report.imported(), report.duplicates());
    }

    /**
     * Loads sqlite-jdbc's native library before the clock starts: a once-per-process cost (~0.2 s: the library is
     * unpacked from the jar and compared with an earlier copy) that an import in a running app never pays.
     */
    private static void loadSqliteDriver() throws IOException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
            connection.createStatement().execute("SELECT 1");
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot load the SQLite driver: " + e.getMessage(), e);
        }
    }

    /**
     * Lets the OS write out what earlier runs left dirty (`sync`), so that neither side's timing pays for the
     * other's writes: both write ~130 MB and fsync at the end. Best effort: without `sync` it only adds noise.
     */
    private static void flushDirtyPages() throws InterruptedException {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException e) {
            // no sync command (Windows): the timings are noisier, not wrong
        }
    }

    /** Imports the TSV without labels, then times next-unlabeled and save-label pairs after a warm-up. */
    public static LabelResult labelBench(Path tsv, Path dir, int samples) {
        Path workspaceFile = dir.resolve("label-bench.kcwb");
        try {
            Files.deleteIfExists(workspaceFile);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Workspace workspace = WorkspaceStore.create(workspaceFile)) {
            Project project = workspace.projects().create("bench", TaskType.SINGLE_LABEL);
            List.of("none", "offensive", "hate").forEach(label -> workspace.labels().add(project.id(), label));
            new Importer().run(workspace, project, tsv, ImportOptions.builder(ImportFormat.TSV).optTextColumn("0")
                    .optLabelColumn(null).optQuoting(false).build());
            long items = workspace.items().count(project.id());
            long[] next = new long[samples];
            long[] save = new long[samples];
            long[] select1 = new long[samples];
            long[] emptyTx = new long[samples];
            long after = items / 2; // start mid-project, as after a few days of labeling
            for (int i = 0; i < WARM_UP; i++) { // let the JIT compile the save path before timing it
                Item item = workspace.items().nextUnlabeled(project.id(), after).orElseThrow();
                workspace.annotations().save(item.id(), "warm-up", List.of("none"), null);
                selectOne(workspace);
                workspace.inTransaction(() -> null);
                after = item.id();
            }
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                Item item = workspace.items().nextUnlabeled(project.id(), after).orElseThrow();
                long t1 = System.nanoTime();
                workspace.annotations().save(item.id(), "bench", List.of(i % 2 == 0 ? "none" : "hate"), null);
                long t2 = System.nanoTime();
                selectOne(workspace);
                long t3 = System.nanoTime();
                workspace.inTransaction(() -> null);
                long t4 = System.nanoTime();
                next[i] = t1 - t0;
                save[i] = t2 - t1;
                select1[i] = t3 - t2;
                emptyTx[i] = t4 - t3;
                after = item.id();
            }
            long[] cpu = new long[samples]; // right after, in the same run: see LabelResult
            int cpuUnits = unitsLasting(percentileNanos(save, 50));
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                cpuWork(cpuUnits);
                cpu[i] = System.nanoTime() - t0;
            }
            return new LabelResult(items, samples, Latency.of(next), Latency.of(save), Latency.of(select1),
                    Latency.of(emptyTx), Latency.of(cpu));
        }
    }

    private static long selectOne(Workspace workspace) {
        return workspace.call(() -> {
            try (var rows = workspace.prepared("SELECT 1").executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static double percentile(long[] nanos, double p) {
        return percentileNanos(nanos, p) / 1e6;
    }

    private static long percentileNanos(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static volatile long sink;

    /** Pure CPU work, no memory traffic or system calls: {@code units} rounds of 1,000 multiply-adds. */
    private static void cpuWork(int units) {
        long x = System.nanoTime();
        for (int u = 0; u < units; u++) {
            for (int i = 0; i < 1_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink = x;
    }

    /** How many {@link #cpuWork} units last {@code nanos} at the median (timed in runs of 64, as compiled code). */
    private static int unitsLasting(long nanos) {
        for (int i = 0; i < 2_000; i++) {
            cpuWork(64); // compiled before it is measured
        }
        long[] runs = new long[500];
        for (int i = 0; i < runs.length; i++) {
            long t0 = System.nanoTime();
            cpuWork(64);
            runs[i] = System.nanoTime() - t0;
        }
        return (int) Math.max(1, nanos * 64 / Math.max(1, percentileNanos(runs, 50)));
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        List<Long> peaks = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peaks.add(pool.getPeakUsage().getUsed());
            }
        }
        return peaks.stream().mapToLong(Long::longValue).sum();
    }
}
