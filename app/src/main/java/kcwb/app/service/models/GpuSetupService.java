package kcwb.app.service.models;

import ai.djl.util.Utils;
import ai.djl.util.cuda.CudaUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import kcwb.app.service.DoctorService;

/**
 * The GPU section of the models view: which device training uses and why (the findings of {@code kcwb doctor}
 * plus DJL's CUDA probe), and "Get GPU libraries", which lets DJL itself download the CUDA build of libtorch
 * into its cache: a child JVM runs {@code kcwb doctor} with {@code PYTORCH_FLAVOR=<flavor>} and
 * {@code -Dai.djl.offline=false} (the running app cannot swap the libtorch it already loaded). Afterwards the
 * app must be started with the same PYTORCH_FLAVOR (see docs/gpu.md).
 */
public final class GpuSetupService {
    /** libtorch 2.7.1 (DJL 0.36) is published for these CUDA flavors. */
    public static final List<String> FLAVORS = List.of("cu128", "cu126", "cu118");

    /** What a finished download attempt says; {@code message} is the reason when it failed. */
    public record DownloadResult(boolean succeeded, String libtorchPath, String message) {}

    /** Runs the child JVM and returns its stdout lines (a seam for tests). */
    @FunctionalInterface
    public interface ChildRunner {
        List<String> run(List<String> command, Map<String, String> env, BooleanSupplier cancelled) throws IOException;
    }

    /** Whether DJL finds a CUDA runtime, and its version (a seam for tests). */
    @FunctionalInterface
    public interface CudaProbe {
        String cudaVersion(); // empty when there is none
    }

    private final CudaProbe cuda;
    private final ChildRunner child;
    private final Supplier<List<DoctorService.Finding>> doctor;

    public GpuSetupService() {
        this(() -> CudaUtils.hasCuda() ? Objects.toString(CudaUtils.getCudaVersionString(), "") : "",
                GpuSetupService::runChild);
    }

    public GpuSetupService(CudaProbe cuda, ChildRunner child) {
        this(cuda, child, () -> new DoctorService().report(true));
    }

    /** @param doctor the findings of {@code kcwb doctor} (tests: canned ones, so no engine is loaded) */
    public GpuSetupService(CudaProbe cuda, ChildRunner child, Supplier<List<DoctorService.Finding>> doctor) {
        this.cuda = cuda;
        this.child = child;
        this.doctor = doctor;
    }

    /** Loads the PyTorch engine (seconds on first use): call in the background. */
    public GpuStatus status() {
        Map<String, String> findings = new LinkedHashMap<>();
        doctor.get().forEach(finding -> findings.put(finding.key(), finding.value()));
        return statusFrom(findings, safeCudaVersion(), gpuNames());
    }

    static GpuStatus statusFrom(Map<String, String> doctor, String cudaVersion, List<String> gpuNames) {
        String engine = doctor.getOrDefault("djl engine", "");
        String device = doctor.getOrDefault("default device", "");
        GpuStatus.Verdict verdict;
        if (engine.isEmpty() || engine.startsWith("FAILED")) {
            verdict = GpuStatus.Verdict.ENGINE_FAILED;
        } else if (device.startsWith("gpu")) {
            verdict = GpuStatus.Verdict.GPU;
        } else if (cudaVersion.isEmpty()) {
            verdict = GpuStatus.Verdict.NO_CUDA;
        } else {
            verdict = GpuStatus.Verdict.CPU_LIBTORCH;
        }
        return new GpuStatus(verdict, device, cudaVersion, gpuNames, engine, doctor.getOrDefault("pytorch native", ""),
                unset(doctor.get("PYTORCH_FLAVOR")), unset(doctor.get("PYTORCH_LIBRARY_PATH")),
                doctor.getOrDefault("djl cache", Utils.getEngineCacheDir().toString()));
    }

    /**
     * Lets DJL download the CUDA libtorch of {@code flavor} into {@code djlCache}. Fails at once, with the
     * reason, when there is no CUDA driver: DJL would silently keep the CPU build.
     *
     * @param djlCache DJL's engine cache ({@code Utils.getEngineCacheDir()}), watched to show progress
     * @param downloadedBytes receives the size of DJL's pytorch cache folder about twice a second
     */
    public DownloadResult downloadGpuLibraries(String flavor, Path djlCache, LongConsumer downloadedBytes,
            BooleanSupplier cancelled) {
        if (!FLAVORS.contains(flavor)) {
            return new DownloadResult(false, "", "unknown flavor " + flavor + "; DJL 0.36 publishes " + FLAVORS);
        }
        String cudaVersion = safeCudaVersion();
        if (cudaVersion.isEmpty()) {
            return new DownloadResult(false, "", "no NVIDIA driver / CUDA runtime found on this machine (DJL's"
                    + " CudaUtils sees none), so DJL keeps the CPU build of libtorch and there is nothing to download;"
                    + " training runs on the CPU");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=false", "--enable-native-access=ALL-UNNAMED", "kcwb.app.Main", "doctor");
        Map<String, String> env = Map.of("PYTORCH_FLAVOR", flavor); // the cache folder is DJL's own (inherited)
        Thread watcher = Thread.ofVirtual().start(() -> watchSize(djlCache.resolve("pytorch"), downloadedBytes));
        try {
            return resultOf(flavor, child.run(command, env, cancelled), cancelled.getAsBoolean());
        } catch (IOException e) {
            return new DownloadResult(false, "", "cannot start " + java + ": " + e.getMessage());
        } finally {
            watcher.interrupt();
        }
    }

    /** Reads the child's doctor report: did DJL load the flavor we asked for? */
    static DownloadResult resultOf(String flavor, List<String> doctorLines, boolean cancelled) {
        if (cancelled) {
            return new DownloadResult(false, "", "cancelled; DJL resumes the download on the next try");
        }
        Map<String, String> findings = new LinkedHashMap<>();
        for (String line : doctorLines) {
            String[] parts = line.split("\\s{2,}", 2);
            if (parts.length == 2) {
                findings.put(parts[0].strip(), parts[1].strip());
            }
        }
        String engine = findings.getOrDefault("djl engine", "");
        String path = findings.getOrDefault("pytorch native", "");
        if (engine.isEmpty()) {
            return new DownloadResult(false, "", "the DJL child process gave no report: "
                    + String.join(" / ", doctorLines.subList(Math.max(0, doctorLines.size() - 3), doctorLines.size())));
        }
        if (engine.startsWith("FAILED")) {
            return new DownloadResult(false, "", "DJL could not get the " + flavor + " build of libtorch ("
                    + engine.replaceFirst("^FAILED to load PyTorch: ", "")
                    + "); check the network (https://publish.djl.ai) and free disk space (~2.5 GB)");
        }
        if (!path.contains(flavor)) {
            return new DownloadResult(false, path, "DJL loaded " + path + " instead of the " + flavor
                    + " build; the CUDA driver may be too old for " + flavor + " (try another flavor)");
        }
        return new DownloadResult(true, path, "");
    }

    private static void watchSize(Path dir, LongConsumer downloadedBytes) {
        while (!Thread.currentThread().isInterrupted()) {
            downloadedBytes.accept(ModelInspector.sizeOnDisk(dir));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static List<String> runChild(List<String> command, Map<String, String> env, BooleanSupplier cancelled)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        Thread canceller = Thread.ofVirtual().start(() -> {
            while (process.isAlive()) {
                if (cancelled.getAsBoolean()) {
                    process.destroy();
                    return;
                }
                try {
                    process.waitFor(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } finally {
            canceller.interrupt();
        }
        return lines;
    }

    private String safeCudaVersion() {
        try {
            return Objects.toString(cuda.cudaVersion(), "");
        } catch (RuntimeException | LinkageError e) { // JNA missing or a broken driver: no CUDA for us
            return "";
        }
    }

    private static List<String> gpuNames() {
        try {
            Process process = new ProcessBuilder("nvidia-smi", "--query-gpu=name", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return List.of();
            }
            return out.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static String unset(String value) {
        return value == null || value.equals("(unset)") ? "" : value;
    }
}
