package kcwb.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root {@code kcwb} command. Subcommands are listed in the annotation; each is a thin
 * {@code XxxCommand} that parses options and calls a service.
 */
@Command(name = "kcwb",
        mixinStandardHelpOptions = true,
        versionProvider = KcwbVersion.class,
        description = "Kc Workbench: label Korean comments, preview KcELECTRA's text pipeline, fine-tune and export.%n"
                + "Without arguments, opens the desktop app.",
        subcommands = {CommandLine.HelpCommand.class, CleanCommand.class, TokenizeCommand.class,
            WorkspaceCommand.class, ImportCommand.class, ExportCommand.class, LabelCommand.class,
            TrainCommand.class, EvalCommand.class, PredictCommand.class, ExportModelCommand.class,
            ModelCommand.class, BenchCommand.class, DoctorCommand.class})
public final class KcwbCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** The command line with every subcommand and the shared exception handler. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new KcwbCommand());
        commandLine.setExecutionExceptionHandler(new CliExceptionHandler());
        return commandLine;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
