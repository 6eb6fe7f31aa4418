package kcwb.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kcwb.app.service.ModelFolderService;
import kcwb.training.model.ElectraConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kcwb model info DIR}: the config summary, parameter count and stored keys of a model folder. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a model folder's configuration, parameter count and weight keys.")
public final class ModelInfoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A Hugging Face model folder.")
    private Path dir;

    @Override
    public Integer call() {
        ModelFolderService.ModelSummary summary;
        try {
            summary = new ModelFolderService().info(dir);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        ElectraConfig c = summary.config();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("folder:        %s%n", summary.dir());
        out.printf("architecture:  %s%n", summary.architecture());
        out.printf("geometry:      vocab %d, embedding %d, hidden %d, %d layers, %d heads, intermediate %d, "
                + "max positions %d%n", c.vocabSize(), c.embeddingSize(), c.hiddenSize(), c.numHiddenLayers(),
                c.numAttentionHeads(), c.intermediateSize(), c.maxPositionEmbeddings());
        out.printf("labels:        %d %s, problem type %s%n", c.numLabels(), c.labels(),
                c.problemType() == null ? "(decided by label type)" : c.problemType());
        out.printf("parameters:    %,d (sequence classification head)%n", summary.parameterCount());
        out.printf("keys:          %d expected, %d in model.safetensors%n", summary.expectedKeys(),
                summary.storedTensors());
        if (summary.storedTensors() > 0 && !summary.missingKeys().isEmpty()) {
            out.printf("missing:       %s%n", summary.missingKeys());
        }
        if (!summary.unexpectedKeys().isEmpty()) {
            out.printf("unexpected:    %s%n", summary.unexpectedKeys());
        }
        return 0;
    }
}
