package kcwb.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kcwb bench}: benchmark commands that print numbers (each compares itself with a peer script). */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that print throughput; see docs/benchmarks.md for the peer scripts and numbers.",
        subcommands = {BenchTextCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
