package kcwb.app.gui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.models.GpuSetupService;
import kcwb.app.service.models.GpuStatus;
import org.junit.jupiter.api.Test;

class GpuViewModelTest {
    private static final I18n EN = I18n.of(Locale.ENGLISH);

    @Test
    void getGpuLibrariesWithoutCudaEndsWithTheReasonNotATrace() {
        GpuSetupService noCuda = new GpuSetupService(() -> "", (command, env, cancelled) -> List.of());
        GpuViewModel viewModel = new GpuViewModel(EN, new DirectTaskRunner(), noCuda, Path.of("/tmp/djl"), Runnable::run);
        viewModel.getLibraries();
        String message = viewModel.downloadMessageProperty().get();
        assertTrue(message.startsWith("Could not get the GPU libraries: no NVIDIA driver"), message);
        assertFalse(viewModel.busyProperty().get());
    }

    @Test
    void aFailedDownloadInTheChildShowsDjlsReason() {
        GpuSetupService offline = new GpuSetupService(() -> "12080", (command, env, cancelled) -> List.of(
                "djl engine                   FAILED to load PyTorch: java.net.UnknownHostException: publish.djl.ai"));
        GpuViewModel viewModel = new GpuViewModel(EN, new DirectTaskRunner(), offline, Path.of("/tmp/djl"), Runnable::run);
        viewModel.flavorProperty().set("cu126");
        viewModel.getLibraries();
        String message = viewModel.downloadMessageProperty().get();
        assertTrue(message.contains("cu126") && message.contains("UnknownHostException"), message);
    }

    @Test
    void theVerdictNamesTheDeviceAndTheReason() {
        GpuViewModel viewModel = new GpuViewModel(EN, new DirectTaskRunner(),
                new GpuSetupService(() -> "", (c, e, x) -> List.of()), Path.of("/tmp/djl"), Runnable::run);
        GpuStatus cpuBuild = new GpuStatus(GpuStatus.Verdict.CPU_LIBTORCH, "cpu()", "12080", List.of("NVIDIA H200"),
                "PyTorch 2.7.1", "/c/2.7.1-cpu", "", "", "/c");
        assertEquals("Training uses the CPU: CUDA 12080 is there (NVIDIA H200) but the loaded libtorch is the CPU build."
                + " Get the GPU libraries below.", viewModel.verdictText(cpuBuild));
        GpuStatus gpu = new GpuStatus(GpuStatus.Verdict.GPU, "gpu(0)", "12080", List.of("NVIDIA H200"),
                "PyTorch 2.7.1", "/c/2.7.1-cu128", "cu128", "", "/c");
        assertEquals("Training uses the GPU: gpu(0) NVIDIA H200", viewModel.verdictText(gpu));
    }
}
