package kcwb.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the kcwb command line in this JVM with its output and error streams captured, for CLI tests. */
final class CliHarness {
    private CliHarness() {}

    /** Runs {@code args}; what the command prints is appended to {@code out} and {@code err}. Returns the exit code. */
    static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine commandLine = KcwbCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
