package kcwb.training.checkpoint.bench;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import kcwb.training.checkpoint.ElementType;
import kcwb.training.checkpoint.HostTensor;
import kcwb.training.checkpoint.LoadReport;
import kcwb.training.checkpoint.PytorchBinReader;
import kcwb.training.checkpoint.SafetensorsReader;
import kcwb.training.checkpoint.SafetensorsWriter;
import kcwb.training.checkpoint.StateDict;
import kcwb.training.checkpoint.StateDictLoader;
import kcwb.training.model.HfModule;

/**
 * Base-size checkpoint load benchmark (KcELECTRA-base geometry: vocab 54343, hidden 768, 12 layers,
 * ~127M parameters, ~509 MB F32). One mode per JVM so peak RSS belongs to that mode:
 * <pre>
 *   generate DIR      write DIR/model.safetensors (random-ish values; /tmp, never the repo)
 *   raw FILE          read the file through a 16 MB buffer (the floor)
 *   read FILE         host-side read only, three times in one JVM (first includes class loading)
 *   load FILE         read (.safetensors or .bin) + copy into a DJL model with the same parameters
 * </pre>
 * Prints times, peak RSS (VmHWM) and how many extra copies of the weights the peak implies.
 */
public final class CheckpointLoadBench {
    private static final int VOCAB = 54343;
    private static final int HIDDEN = 768;
    private static final int LAYERS = 12;
    private static final int INTERMEDIATE = 3072;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]));
            case "raw" -> raw(Path.of(args[1]));
            case "load" -> load(Path.of(args[1]));
            case "read" -> read(Path.of(args[1]));
            default -> throw new IllegalArgumentException("modes: generate DIR | raw FILE | read FILE | load FILE");
        }
    }

    static SequencedMap<String, long[]> shapes() {
        SequencedMap<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("electra.embeddings.word_embeddings.weight", new long[] {VOCAB, HIDDEN});
        shapes.put("electra.embeddings.position_embeddings.weight", new long[] {512, HIDDEN});
        shapes.put("electra.embeddings.token_type_embeddings.weight", new long[] {2, HIDDEN});
        shapes.put("electra.embeddings.LayerNorm.weight", new long[] {HIDDEN});
        shapes.put("electra.embeddings.LayerNorm.bias", new long[] {HIDDEN});
        for (int i = 0; i < LAYERS; i++) {
            String p = "electra.encoder.layer." + i + ".";
            for (String m : new String[] {"attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"}) {
                shapes.put(p + m + ".weight", new long[] {HIDDEN, HIDDEN});
                shapes.put(p + m + ".bias", new long[] {HIDDEN});
            }
            shapes.put(p + "attention.output.LayerNorm.weight", new long[] {HIDDEN});
            shapes.put(p + "attention.output.LayerNorm.bias", new long[] {HIDDEN});
            shapes.put(p + "intermediate.dense.weight", new long[] {INTERMEDIATE, HIDDEN});
            shapes.put(p + "intermediate.dense.bias", new long[] {INTERMEDIATE});
            shapes.put(p + "output.dense.weight", new long[] {HIDDEN, INTERMEDIATE});
            shapes.put(p + "output.dense.bias", new long[] {HIDDEN});
            shapes.put(p + "output.LayerNorm.weight", new long[] {HIDDEN});
            shapes.put(p + "output.LayerNorm.bias", new long[] {HIDDEN});
        }
        return shapes;
    }

    private static void generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        SequencedMap<String, HostTensor> tensors = new LinkedHashMap<>();
        int seed = 1;
        for (var entry : shapes().entrySet()) {
            int count = Math.toIntExact(HostTensor.elementCount(entry.getValue()));
            ByteBuffer data = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                seed = seed * 1103515245 + 12345;
                data.putFloat((seed >>> 8) / (float) (1 << 24) - 0.5f);
            }
            tensors.put(entry.getKey(), new HostTensor(entry.getKey(), ElementType.F32, entry.getValue(), data.flip()));
        }
        Path file = dir.resolve("model.safetensors");
        SafetensorsWriter.write(file, StateDict.of(tensors));
        System.out.printf("generated %s: %.1f MB%n", file, Files.size(file) / 1e6);
    }

    private static void raw(Path file) throws IOException {
        long start = System.nanoTime();
        ByteBuffer buffer = ByteBuffer.allocateDirect(16 << 20);
        long total = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            while ((n = channel.read(buffer.clear())) > 0) {
                total += n;
            }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("raw read        %-22s %8.1f MB %8.0f ms %7.0f MB/s  peak RSS %6.0f MB%n",
                file.getFileName(), total / 1e6, ms, total / 1e3 / ms, peakRssMb());
    }

    private static void read(Path file) throws Exception {
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            StateDict sd = file.toString().endsWith(".bin") ? PytorchBinReader.read(file) : SafetensorsReader.read(file);
            System.out.printf("read #%d        %-22s %8.1f MB %8.0f ms  peak RSS %6.0f MB  peak heap %6.0f MB%n", i + 1,
                    file.getFileName(), sd.byteSize() / 1e6, (System.nanoTime() - start) / 1e6, peakRssMb(), peakHeapMb());
        }
    }

    private static void load(Path file) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            long t0 = System.nanoTime();
            ParameterBag model = new ParameterBag(manager, shapes());
            double rssWithModel = currentRssMb();
            long t1 = System.nanoTime();
            StateDict sd = file.toString().endsWith(".bin") ? PytorchBinReader.read(file) : SafetensorsReader.read(file);
            long t2 = System.nanoTime();
            LoadReport report = StateDictLoader.load(model, sd, StateDictLoader.ELECTRA_PREFIX);
            long t3 = System.nanoTime();
            double weightsMb = sd.byteSize() / 1e6;
            double peak = peakRssMb();
            System.out.printf("load            %-22s %8.1f MB  read %6.0f ms  copy into DJL %6.0f ms  total %6.0f ms"
                    + "  (model init %5.0f ms)  tensors %d%n", file.getFileName(), weightsMb, (t2 - t1) / 1e6,
                    (t3 - t2) / 1e6, (t3 - t1) / 1e6, (t1 - t0) / 1e6, report.loadedCount());
            System.out.printf("  RSS with initialised model %.0f MB, peak RSS %.0f MB: peak - model = %.0f MB"
                    + " = %.2f x weights; peak Java heap %.0f MB%n", rssWithModel, peak, peak - rssWithModel,
                    (peak - rssWithModel) / weightsMb, peakHeapMb());
        }
    }

    private static double currentRssMb() throws IOException {
        return statusKb("VmRSS:") / 1024.0;
    }

    private static double peakRssMb() throws IOException {
        return statusKb("VmHWM:") / 1024.0;
    }

    private static long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    private static double peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;
    }

    /** Stands in for the ELECTRA model: the same parameter keys and shapes, zero-initialised, no forward. */
    static final class ParameterBag extends AbstractBlock implements HfModule {
        private final SequencedMap<String, Parameter> named = new LinkedHashMap<>();

        ParameterBag(NDManager manager, SequencedMap<String, long[]> shapes) {
            shapes.forEach((key, shape) -> named.put(key, addParameter(Parameter.builder().setName(key)
                    .setType(Parameter.Type.WEIGHT).optArray(manager.zeros(new Shape(shape), DataType.FLOAT32)).build())));
        }

        @Override
        public SequencedMap<String, Parameter> namedParameters() {
            return named;
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            throw new UnsupportedOperationException("benchmark stand-in has no forward");
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
