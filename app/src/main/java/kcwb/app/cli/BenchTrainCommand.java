package kcwb.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import kcwb.app.service.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kcwb bench train}: the issue-5 fine-tuning benchmark (our side); docs/bench/bench_train.sh runs it next to
 * HF Trainer and prints the ratio.
 */
@Command(mixinStandardHelpOptions = true, name = "train", description = "Fine-tune a from-scratch ELECTRA-small on korean-hate-speech; print samples/s, "
        + "dev accuracy/macro-F1 and model FLOP utilisation (HF peer: docs/bench/bench_train.sh).")
public final class BenchTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--data-dir", required = true, description = "Folder with train.tsv and dev.tsv (korean-hate-speech labeled/).")
    Path dataDir;
    @Option(names = "--vocab", required = true, description = "Tokenizer folder (KcELECTRA v2022: vocab.txt + tokenizer_config.json).")
    Path vocab;
    @Option(names = "--epochs", defaultValue = "3", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--max-steps", defaultValue = "0", description = "Stop after N optimiser steps (0 = all epochs).")
    int maxSteps;
    @Option(names = "--threads", description = "Torch intra-op threads (default: ai.djl.pytorch.num_threads or the cores).")
    Integer threads;
    @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1 || maxSteps < 0 || (threads != null && threads < 1)) {
            throw new UserFacingException("--epochs must be ≥ 1, --max-steps ≥ 0 and --threads ≥ 1");
        }
        // read once by DJL's PyTorch engine when it starts, which has not happened yet in this process
        int n = threads != null ? threads
                : Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        var out = spec.commandLine().getOut();
        TrainBenchmark.Result r;
        try {
            r = TrainBenchmark.run(new TrainBenchmark.Options(dataDir, vocab, epochs, maxSteps, n, seed),
                    new java.io.PrintWriter(System.err, true));
        } catch (IOException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("side", "kcwb");
        s.put("threads", r.threads());
        s.put("steps", r.steps());
        s.put("samples", r.samples());
        s.put("train_seconds", round(r.trainSeconds()));
        s.put("checkpoint_seconds_excluded", round(r.checkpointSeconds()));
        s.put("samples_per_second", round(r.samplesPerSecond()));
        s.put("steps_per_second", round(r.stepsPerSecond()));
        s.put("train_cpu_seconds", round(r.trainCpuSeconds()));
        s.put("dev_accuracy", round(r.devAccuracy()));
        s.put("dev_macro_f1", round(r.devMacroF1()));
        s.put("dev_loss", round(r.devLoss()));
        s.put("eval_seconds", round(r.evalSeconds()));
        s.put("parameters", r.parameters());
        s.put("encoder_matmul_weights", r.encoderMatmulWeights());
        s.put("mean_tokens", round(r.meanTokens()));
        s.put("train_gflop_per_sample", round(r.flopsPerSample() / 1e9));
        s.put("flops_formula", "6*N*L + 12*layers*hidden*L^2 + 6*(hidden^2 + hidden*labels), real tokens L");
        s.put("matmul_ceiling_gflops", round(r.ceilingGflops()));
        s.put("achieved_gflops", round(r.achievedGflops()));
        s.put("mfu", round(r.mfu()));
        if (json) {
            out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s));
        } else {
            s.forEach((key, value) -> out.println(key + ": " + value));
        }
        out.flush();
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
