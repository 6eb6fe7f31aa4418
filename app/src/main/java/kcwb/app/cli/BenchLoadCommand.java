package kcwb.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kcwb.app.service.LoadBenchmark;
import kcwb.training.checkpoint.CheckpointException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kcwb bench load --model DIR}: model load time against the time to read the weight files. */
@Command(mixinStandardHelpOptions = true, name = "load", description = "Load an HF model folder into the ELECTRA model; print the time against a raw read of "
        + "its weight files and the peak memory beyond the model. Make a base-size folder with "
        + "'kcwb model init --config-preset base --vocab VOCAB_DIR --labels a,b --out DIR'.")
public final class BenchLoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "An HF model folder (config.json + model.safetensors or pytorch_model.bin).")
    Path model;

    @Override
    public Integer call() throws Exception {
        LoadBenchmark.Result r;
        try {
            r = LoadBenchmark.run(model);
        } catch (CheckpointException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("folder: %s (%s, %.1f MB of weights, %d tensors)%n", r.folder(), r.format(), r.weightsMb(), r.tensorsLoaded());
        out.printf("raw read of the weight files: %.3f s%n", r.rawReadSeconds());
        out.printf("load: %.3f s (read %.3f s + copy into the model %.3f s) = %.2fx the raw read%n",
                r.loadSeconds(), r.readSeconds(), r.copySeconds(), r.loadToRawRatio());
        out.printf("model init (random weights, not counted): %.3f s%n", r.modelInitSeconds());
        out.printf("RSS with the model %.0f MB, peak RSS %.0f MB: the load needed %.2f extra copies of the weights%n",
                r.rssWithModelMb(), r.peakRssMb(), r.extraCopies());
        out.flush();
        return 0;
    }
}
