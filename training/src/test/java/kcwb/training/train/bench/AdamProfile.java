package kcwb.training.train.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.management.ManagementFactory;

/** Development tool: process CPU of DJL's adamUpdate vs. torch-style in-place ops on one 54343×256 tensor. */
public final class AdamProfile {
    public static void main(String[] args) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(54343, 256);
            NDArray p = m.randomNormal(0, 0.02f, shape, DataType.FLOAT32);
            NDArray g = m.randomNormal(0, 0.001f, shape, DataType.FLOAT32);
            NDArray mean = m.zeros(shape);
            NDArray var = m.zeros(shape);
            for (int variant = 0; variant < 8; variant++) {
                long cpu0 = 0, wall0 = 0;
                for (int r = 0; r < reps + 1; r++) {
                    long c = os.getProcessCpuTime(), w = System.nanoTime();
                    try (NDManager s = m.newSubManager()) {
                        switch (variant) {
                            case 0 -> p.getNDArrayInternal().adamUpdate(new NDList(p, g, mean, var), new NDList(p), 1e-4f,
                                    1e-4f, 0f, 1f, -1f, 0.9f, 0.999f, 1e-8f, true, false);
                            case 1 -> {
                                NDArray gs = g.duplicate();
                                gs.attach(s);
                                mean.muli(0.9f).addi(gs.mul(0.1f));
                                var.muli(0.999f).addi(gs.muli(gs).muli(0.001f));
                                NDArray denom = var.sqrt().addi(1e-8f);
                                p.subi(mean.div(denom).muli(1e-4f));
                            }
                            case 2 -> g.muli(1f);
                            case 3 -> g.addi(mean);
                            case 4 -> g.muli(mean);
                            case 5 -> var.addi(1f).powi(0.5f);
                            case 6 -> var.powi(-1f);
                            default -> kcwb.training.train.bench.AdamProfile.class.getName();
                        }
                    }
                    if (r > 0) {
                        cpu0 += os.getProcessCpuTime() - c;
                        wall0 += System.nanoTime() - w;
                    }
                }
                System.out.printf("variant %d: cpu %.1f ms wall %.1f ms%n", variant, cpu0 / 1e6 / reps, wall0 / 1e6 / reps);
            }
        }
    }
}
