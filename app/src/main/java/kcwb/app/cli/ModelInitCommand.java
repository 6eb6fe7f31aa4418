package kcwb.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import kcwb.app.service.ModelFolderService;
import kcwb.training.model.ElectraConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kcwb model init}: a randomly initialised model folder that Python transformers also loads. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Make a randomly initialised ELECTRA sequence-classification model folder "
                + "(config.json, model.safetensors, tokenizer files).")
public final class ModelInitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--config-preset", defaultValue = "tiny",
            description = "tiny (32 wide, 2 layers), small (256, 4 layers) or base (768, 12 layers). Default: ${DEFAULT-VALUE}")
    private String preset;

    @Option(names = "--vocab", required = true, description = "Folder with vocab.txt or tokenizer.json (copied).")
    private Path vocab;

    @Option(names = "--labels", required = true, description = "Comma-separated label names, e.g. hate,offensive,none.")
    private String labels;

    @Option(names = "--multi-label", description = "Multi-label classification (BCE loss) instead of single-label.")
    private boolean multiLabel;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the random weights. Default: ${DEFAULT-VALUE}")
    private long seed;

    @Option(names = "--out", required = true, description = "New or empty folder to write.")
    private Path out;

    @Override
    public Integer call() {
        List<String> names = Arrays.stream(labels.split(",", -1)).map(String::strip).toList();
        String problemType = multiLabel ? ElectraConfig.MULTI_LABEL
                : names.size() == 1 ? ElectraConfig.REGRESSION : ElectraConfig.SINGLE_LABEL;
        try {
            ElectraConfig config = new ModelFolderService().init(
                    new ModelFolderService.InitRequest(preset, vocab, names, problemType, out, seed));
            spec.commandLine().getOut().printf("wrote %s: %s preset, vocab %d, labels %s%n", out, preset,
                    config.vocabSize(), config.labels());
            return 0;
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
