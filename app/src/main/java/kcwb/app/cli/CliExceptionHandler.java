package kcwb.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps exceptions to exit codes in one place: a {@link UserFacingException} prints its message
 * (which names the file, line and cause) and exits with its code; anything else is a bug and
 * prints the stack trace.
 */
public final class CliExceptionHandler implements IExecutionExceptionHandler {
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL_ERROR = 70;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        if (ex instanceof UserFacingException userFacing) {
            commandLine.getErr().println("kcwb: " + userFacing.getMessage());
            return userFacing.exitCode();
        }
        commandLine.getErr().println("kcwb: internal error: " + ex);
        ex.printStackTrace(commandLine.getErr());
        return EXIT_INTERNAL_ERROR;
    }
}
