package kcwb.training.provenance;

import ai.djl.engine.Engine;

/** The platform: floating point results may differ across JVMs, native libraries and devices. */
public record EnvironmentProvenance(String java, String os, String arch, String djlVersion, String pytorchVersion,
        String device, int threads) {

    /** The current JVM and DJL engine; {@code device} as the engine reports it ("cpu()", "gpu(0)"). */
    public static EnvironmentProvenance current(String device) {
        Engine engine = Engine.getInstance();
        int threads = Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        return new EnvironmentProvenance(System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                Engine.getDjlVersion(), engine.getVersion(), device, threads);
    }
}
