package kcwb.app.service;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import kcwb.training.hub.HubSettings;

/**
 * What {@code kcwb doctor} reports: Java, the DJL engine and which PyTorch native it loaded (and
 * why: flavor, library path, offline flag), GPUs, threads, Korean fonts and the cache folders. Every
 * probe is guarded: a broken native prints as a finding instead of crashing the report.
 */
public final class DoctorService {
    /** One line of the report. */
    public record Finding(String key, String value) {}

    public List<Finding> report(boolean loadEngine) {
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding("java", Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home") + ")"));
        findings.add(new Finding("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch")));
        findings.add(new Finding("cpu cores", String.valueOf(Runtime.getRuntime().availableProcessors())));
        findings.add(new Finding("max heap", Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB"));
        findings.add(new Finding("ai.djl.offline", String.valueOf(System.getProperty("ai.djl.offline", "false (unset)"))));
        findings.add(new Finding("ai.djl.pytorch.num_threads", Objects.toString(System.getProperty("ai.djl.pytorch.num_threads"), "(unset: PyTorch default)")));
        for (String env : List.of("PYTORCH_FLAVOR", "PYTORCH_VERSION", "PYTORCH_LIBRARY_PATH", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "CUDA_VISIBLE_DEVICES")) {
            findings.add(new Finding(env, Objects.toString(System.getenv(env), "(unset)")));
        }
        findings.add(new Finding("djl cache", Utils.getEngineCacheDir().toString()));
        if (loadEngine) {
            findings.addAll(engineFindings());
        }
        HubSettings hub = HubSettings.fromEnvironment();
        findings.add(new Finding("hf hub cache", hub.cacheDir().toString()));
        findings.add(new Finding("hf endpoint", hub.endpoint() + (hub.offline() ? " (offline: HF_HUB_OFFLINE)" : "")));
        findings.add(new Finding("hf token", hub.hasToken() ? "set" : "none"));
        findings.add(new Finding("korean fonts", koreanFonts()));
        findings.add(new Finding("jvm uptime", ManagementFactory.getRuntimeMXBean().getUptime() + " ms"));
        return findings;
    }

    private static List<Finding> engineFindings() {
        List<Finding> findings = new ArrayList<>();
        long start = System.nanoTime();
        try {
            Engine engine = Engine.getEngine("PyTorch");
            findings.add(new Finding("djl engine", engine.getEngineName() + " " + engine.getVersion()
                    + " (DJL " + Engine.getDjlVersion() + ", loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms)"));
            findings.add(new Finding("gpus", String.valueOf(engine.getGpuCount())));
            findings.add(new Finding("default device", engine.defaultDevice().toString()));
            findings.add(new Finding("pytorch native", nativeLibraryPath()));
        } catch (Throwable e) { // UnsatisfiedLinkError, EngineException: report, do not crash
            findings.add(new Finding("djl engine", "FAILED to load PyTorch: " + e));
        }
        return findings;
    }

    /** The libtorch DJL mapped, read from /proc/self/maps on Linux. */
    private static String nativeLibraryPath() {
        Path maps = Path.of("/proc/self/maps");
        try {
            TreeSet<String> dirs = new TreeSet<>();
            for (String line : java.nio.file.Files.readAllLines(maps, StandardCharsets.ISO_8859_1)) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.contains("libtorch")) {
                    dirs.add(Path.of(line.substring(slash)).getParent().toString());
                }
            }
            return dirs.isEmpty() ? "(not visible)" : String.join(", ", dirs);
        } catch (IOException | RuntimeException e) {
            return "(unknown on this OS)";
        }
    }

    private static String koreanFonts() {
        try {
            Process process = new ProcessBuilder("fc-list", ":lang=ko", "family").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "(fc-list failed)";
            }
            TreeSet<String> families = new TreeSet<>(out.lines().map(l -> l.split(",")[0].strip())
                    .filter(l -> !l.isEmpty()).toList());
            return families.isEmpty() ? "NONE: install fonts-nanum for Korean text" : String.join(", ", families);
        } catch (IOException e) {
            return "(fc-list not available)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
