package kcwb.training.train.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import kcwb.training.model.ElectraConfig;
import kcwb.training.model.ElectraForSequenceClassification;
import kcwb.training.train.AdamW;
import kcwb.training.train.GradientClipping;
import kcwb.training.train.LossFunction;
import kcwb.training.train.ProblemType;

/**
 * Development tool (not a test): time per phase of one training step of the bench model (ELECTRA-small, vocab
 * 54,343, batch 32) on random ids, wall and process CPU (all threads; robust on a shared machine).
 * {@code java -cp ... kcwb.training.train.bench.StepProfile [steps] [seqLen]}
 */
public final class StepProfile {
    private static final String[] PHASES = {"inputs", "forward+loss", "backward", "clip norm", "adamw+clip+zero", "step(total)"};

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seq = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ElectraConfig config = ElectraConfig.small().withVocabSize(54343)
                .withLabels(List.of("a", "b", "c"), ElectraConfig.SINGLE_LABEL);
        Random random = new Random(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = ElectraForSequenceClassification.create(config, manager, 42);
            model.namedParameters().values().forEach(p -> p.getArray().setRequiresGradient(true));
            boolean sparse = !Boolean.getBoolean("kcwb.profile.denseEmbeddingGradient");
            if (sparse) {   // what FineTuner does: dense gradients first, then row-sparse embedding updates into them
                try (NDManager scope = manager.newSubManager();
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray zero = scope.zeros(new Shape());
                    NDArray total = zero;
                    for (var p : model.namedParameters().values()) {
                        total = total.add(zero.mul(p.getArray()).sum());
                    }
                    collector.backward(total);
                }
                model.useSparseEmbeddingGradients();
            }
            System.out.println("embedding gradient: " + (sparse ? "row-sparse into dense" : "dense"));
            AdamW adam = new AdamW(model.namedParameters(), 0.9, 0.999, 1e-8, 0.0, manager);
            LossFunction loss = LossFunction.forProblem(ProblemType.SINGLE_LABEL);
            ParameterStore store = new ParameterStore(manager, false);
            double[] wall = new double[PHASES.length];
            double[] cpu = new double[PHASES.length];
            int warmup = 3;
            for (int s = 0; s < steps + warmup; s++) {
                long[] ids = new long[32 * seq];
                long[] mask = new long[32 * seq];
                long[] labels = new long[32];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = 5 + random.nextInt(54000);
                    mask[i] = 1;
                }
                for (int i = 0; i < 32; i++) {
                    labels[i] = random.nextInt(3);
                }
                long[] w0 = {System.nanoTime(), os.getProcessCpuTime()};
                long[] t = w0.clone();
                boolean count = s >= warmup;
                try (NDManager scope = manager.newSubManager()) {
                    NDList inputs = new NDList(scope.create(ids, new Shape(32, seq)), scope.create(mask, new Shape(32, seq)),
                            scope.create(new long[32 * seq], new Shape(32, seq)));
                    NDArray y = scope.create(labels);
                    t = lap(0, t, wall, cpu, os, count);
                    Engine.getInstance().setRandomSeed(s);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = model.forward(store, inputs, true).head();
                        NDArray value = loss.compute(logits, y);
                        value.getFloat();
                        t = lap(1, t, wall, cpu, os, count);
                        collector.backward(value);
                        t = lap(2, t, wall, cpu, os, count);
                    }
                }
                double norm;
                try (NDManager scratch = manager.newSubManager()) {
                    norm = GradientClipping.globalNorm(model.namedParameters().values(), scratch);
                }
                t = lap(3, t, wall, cpu, os, count);
                adam.step(5e-4, GradientClipping.coefficient(norm, 1.0));
                t = lap(4, t, wall, cpu, os, count);
                lap(5, w0, wall, cpu, os, count);
            }
            for (int i = 0; i < PHASES.length; i++) {
                System.out.printf("%-14s wall %8.1f ms   cpu %8.1f ms%n", PHASES[i], wall[i] / steps / 1e6, cpu[i] / steps / 1e6);
            }
        }
    }

    private static long[] lap(int phase, long[] since, double[] wall, double[] cpu,
            com.sun.management.OperatingSystemMXBean os, boolean count) {
        long[] now = {System.nanoTime(), os.getProcessCpuTime()};
        if (count) {
            wall[phase] += now[0] - since[0];
            cpu[phase] += now[1] - since[1];
        }
        return now;
    }
}
