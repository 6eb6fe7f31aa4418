package kcwb.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kcwb model}: make and inspect Hugging Face model folders. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Make and inspect Hugging Face ELECTRA model folders.",
        subcommands = {ModelInitCommand.class, ModelInfoCommand.class, ModelPullCommand.class})
public final class ModelCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
