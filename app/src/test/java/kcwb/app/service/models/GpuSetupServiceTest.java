package kcwb.app.service.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuSetupServiceTest {
    private static final Map<String, String> CPU_DOCTOR = Map.of("djl engine", "PyTorch 2.7.1 (DJL 0.36.0, loaded in 900 ms)",
            "default device", "cpu()", "pytorch native", "/home/u/.djl.ai/pytorch/2.7.1-20250812-cpu-linux-x86_64",
            "PYTORCH_FLAVOR", "(unset)", "PYTORCH_LIBRARY_PATH", "(unset)", "djl cache", "/home/u/.djl.ai");

    @Test
    void theVerdictSaysWhyTrainingUsesTheDevice() {
        assertEquals(GpuStatus.Verdict.NO_CUDA, GpuSetupService.statusFrom(CPU_DOCTOR, "", List.of()).verdict());
        GpuStatus cpuBuild = GpuSetupService.statusFrom(CPU_DOCTOR, "12080", List.of("NVIDIA H200"));
        assertEquals(GpuStatus.Verdict.CPU_LIBTORCH, cpuBuild.verdict());
        assertEquals("", cpuBuild.flavor(), "(unset) reads as empty");
        Map<String, String> gpu = new java.util.HashMap<>(CPU_DOCTOR);
        gpu.put("default device", "gpu(0)");
        assertEquals(GpuStatus.Verdict.GPU, GpuSetupService.statusFrom(gpu, "12080", List.of()).verdict());
        gpu.put("djl engine", "FAILED to load PyTorch: java.lang.UnsatisfiedLinkError: libtorch.so");
        assertEquals(GpuStatus.Verdict.ENGINE_FAILED, GpuSetupService.statusFrom(gpu, "", List.of()).verdict());
    }

    @Test
    void withoutACudaDriverNothingIsDownloadedAndTheReasonIsClear() {
        List<List<String>> started = new ArrayList<>();
        GpuSetupService service = new GpuSetupService(() -> "", (command, env, cancelled) -> {
            started.add(command);
            return List.of();
        });
        GpuSetupService.DownloadResult result = service.downloadGpuLibraries("cu128", Path.of("/tmp/none"), bytes -> { }, () -> false);
        assertFalse(result.succeeded());
        assertTrue(result.message().contains("no NVIDIA driver"), result.message());
        assertTrue(started.isEmpty(), "no child JVM for a machine without CUDA");
    }

    @Test
    void onThisMachineTheRealServiceFailsGracefully() {
        // The build machines have no GPU and no network: whichever of the two DJL trips on, the answer is a reason.
        GpuSetupService.DownloadResult result = new GpuSetupService()
                .downloadGpuLibraries("cu128", Path.of(System.getProperty("java.io.tmpdir")), bytes -> { }, () -> false);
        System.err.println("GpuSetupServiceTest: real download attempt: " + result);
        assertFalse(result.succeeded() && !result.libtorchPath().contains("cu128"));
        if (!result.succeeded()) {
            assertFalse(result.message().isBlank());
            assertFalse(result.message().contains("\tat "), "no stack trace");
        }
    }

    @Test
    void theChildReportDecidesSuccessOrTheReason() {
        String failed = "djl engine                   FAILED to load PyTorch: ai.djl.engine.EngineException: "
                + "Failed to download PyTorch native library";
        GpuSetupService.DownloadResult noNetwork = GpuSetupService.resultOf("cu128", List.of("java    25", failed), false);
        assertFalse(noNetwork.succeeded());
        assertTrue(noNetwork.message().contains("publish.djl.ai"), noNetwork.message());
        assertTrue(noNetwork.message().contains("Failed to download PyTorch native library"), noNetwork.message());

        GpuSetupService.DownloadResult stillCpu = GpuSetupService.resultOf("cu128", List.of(
                "djl engine                   PyTorch 2.7.1", "pytorch native               /c/pytorch/2.7.1-cpu-linux-x86_64"), false);
        assertFalse(stillCpu.succeeded());
        assertTrue(stillCpu.message().contains("instead of the cu128 build"), stillCpu.message());

        GpuSetupService.DownloadResult ok = GpuSetupService.resultOf("cu128", List.of(
                "djl engine                   PyTorch 2.7.1", "pytorch native               /c/pytorch/2.7.1-cu128-linux-x86_64"), false);
        assertTrue(ok.succeeded());
        assertEquals("/c/pytorch/2.7.1-cu128-linux-x86_64", ok.libtorchPath());

        assertTrue(GpuSetupService.resultOf("cu128", List.of(), true).message().startsWith("cancelled"));
        assertTrue(GpuSetupService.resultOf("cu128", List.of("Error: could not find main class"), false)
                .message().contains("could not find main class"));
    }

    @Test
    void withCudaTheChildRunsKcwbDoctorWithTheFlavor() {
        List<Map<String, String>> envs = new ArrayList<>();
        List<List<String>> commands = new ArrayList<>();
        GpuSetupService service = new GpuSetupService(() -> "12080", (command, env, cancelled) -> {
            commands.add(command);
            envs.add(env);
            return List.of("djl engine                   FAILED to load PyTorch: java.net.UnknownHostException: publish.djl.ai");
        });
        GpuSetupService.DownloadResult result = service.downloadGpuLibraries("cu126", Path.of("/tmp/none"), bytes -> { }, () -> false);
        assertFalse(result.succeeded());
        assertTrue(result.message().contains("UnknownHostException"), result.message());
        assertEquals("cu126", envs.getFirst().get("PYTORCH_FLAVOR"));
        assertTrue(commands.getFirst().contains("-Dai.djl.offline=false"));
        assertEquals(List.of("kcwb.app.Main", "doctor"), commands.getFirst().subList(commands.getFirst().size() - 2,
                commands.getFirst().size()));
    }
}
