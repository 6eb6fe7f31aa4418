package kcwb.app.service;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import kcwb.training.checkpoint.HfFolder;
import kcwb.training.checkpoint.LoadReport;
import kcwb.training.checkpoint.StateDict;
import kcwb.training.checkpoint.StateDictLoader;
import kcwb.training.model.ElectraConfig;
import kcwb.training.model.ElectraForSequenceClassification;

/**
 * {@code kcwb bench load}: how long loading a model folder into the ELECTRA model takes compared with
 * just reading its weight files, and how much memory beyond the model itself the load needs at its peak.
 * The raw read runs first, so both sides read from the page cache.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {}

    /** Timings in seconds, memory in MB (peak RSS minus RSS with the initialised model). */
    public record Result(Path folder, String format, double weightsMb, double rawReadSeconds, double modelInitSeconds,
            double readSeconds, double copySeconds, int tensorsLoaded, double rssWithModelMb, double peakRssMb) {
        public double loadSeconds() {
            return readSeconds + copySeconds;
        }

        public double loadToRawRatio() {
            return loadSeconds() / rawReadSeconds;
        }

        /** Memory the load needed beyond the model, in copies of the weights (1.0 = one extra copy). */
        public double extraCopies() {
            return (peakRssMb - rssWithModelMb) / weightsMb;
        }
    }

    public static Result run(Path folder) throws IOException {
        HfFolder hf = HfFolder.open(folder);
        double rawSeconds = rawRead(hf.weightFiles());
        ElectraConfig config = ElectraConfig.read(hf.config());
        if (config.numLabels() < 2) {
            config = config.withLabels(List.of("a", "b"), ElectraConfig.SINGLE_LABEL);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            long t0 = System.nanoTime();
            ElectraForSequenceClassification model = ElectraForSequenceClassification.create(config, manager, 0);
            double rssWithModel = ProcessMemory.rssMb();
            long t1 = System.nanoTime();
            StateDict weights = hf.readWeights();
            long t2 = System.nanoTime();
            LoadReport report = StateDictLoader.load(model, weights, StateDictLoader.ELECTRA_PREFIX);
            long t3 = System.nanoTime();
            return new Result(folder, hf.format().name(), weights.byteSize() / 1e6, rawSeconds, seconds(t0, t1),
                    seconds(t1, t2), seconds(t2, t3), report.loadedCount(), rssWithModel, ProcessMemory.peakRssMb());
        }
    }

    private static double rawRead(List<Path> files) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(16 << 20);
        long start = System.nanoTime();
        for (Path file : files) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                while (channel.read(buffer.clear()) > 0) {
                    // only the time to pull the bytes through matters
                }
            }
        }
        return seconds(start, System.nanoTime());
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    /** The process's resident memory from /proc (Linux); -1 elsewhere. */
    static final class ProcessMemory {
        private ProcessMemory() {}

        static double rssMb() throws IOException {
            return statusKb("VmRSS:") / 1024.0;
        }

        static double peakRssMb() throws IOException {
            return statusKb("VmHWM:") / 1024.0;
        }

        private static long statusKb(String field) throws IOException {
            Path status = Path.of("/proc/self/status");
            if (!Files.exists(status)) {
                return -1;
            }
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
            return -1;
        }
    }
}
