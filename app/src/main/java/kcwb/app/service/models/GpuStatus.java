package kcwb.app.service.models;

import java.util.List;

/**
 * Which device training would use and why, from {@code kcwb doctor}'s engine findings plus DJL's CUDA probe.
 *
 * @param verdict why training uses the device it uses
 * @param device DJL's default device ({@code gpu(0)} or {@code cpu()}), or empty when the engine did not load
 * @param cudaVersion the CUDA driver version DJL found ("12080"), or empty
 * @param gpuNames GPU names from nvidia-smi, when it is installed
 * @param engine the engine line of doctor (PyTorch version, load time) or the load failure
 * @param libtorchPath the libtorch folder mapped into this process
 * @param flavor PYTORCH_FLAVOR, or empty
 * @param libraryPath PYTORCH_LIBRARY_PATH, or empty
 * @param djlCache where DJL unpacks or downloads libtorch
 */
public record GpuStatus(Verdict verdict, String device, String cudaVersion, List<String> gpuNames, String engine,
        String libtorchPath, String flavor, String libraryPath, String djlCache) {
    /** Why training runs where it runs. */
    public enum Verdict {
        /** DJL loaded a CUDA libtorch and sees a GPU: training uses it. */
        GPU,
        /** No NVIDIA driver / CUDA runtime found: CPU, nothing to download. */
        NO_CUDA,
        /** CUDA is there but the loaded libtorch is the CPU build: "Get GPU libraries" helps. */
        CPU_LIBTORCH,
        /** The PyTorch engine did not load at all. */
        ENGINE_FAILED
    }

    public GpuStatus {
        gpuNames = List.copyOf(gpuNames);
    }

    public boolean cudaFound() {
        return !cudaVersion.isEmpty();
    }
}
