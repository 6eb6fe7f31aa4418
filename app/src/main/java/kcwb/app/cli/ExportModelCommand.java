package kcwb.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import kcwb.app.service.train.ModelExportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kcwb export-model}: a checkpoint as a clean HF folder with a model card. */
@Command(name = "export-model", mixinStandardHelpOptions = true,
        description = "Export a checkpoint as a Hugging Face folder (config, safetensors, tokenizer, provenance) with a README.md model card.")
public final class ExportModelCommand implements Runnable {
    @Spec
    private CommandSpec spec;
    @Option(names = "--checkpoint", required = true, paramLabel = "DIR") private Path checkpoint;
    @Option(names = "--out", required = true, paramLabel = "DIR") private Path out;

    @Override
    public void run() {
        try {
            new ModelExportService().export(checkpoint, out);
        } catch (IllegalArgumentException | IOException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        spec.commandLine().getOut().println("exported " + checkpoint + " to " + out + " (with README.md model card)");
    }
}
