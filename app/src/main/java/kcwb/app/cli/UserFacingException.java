package kcwb.app.cli;

/** An error caused by the user's input: its message says which file, which line and why. */
public class UserFacingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public UserFacingException(String message) {
        this(message, CliExceptionHandler.EXIT_BAD_INPUT, null);
    }

    public UserFacingException(String message, Throwable cause) {
        this(message, CliExceptionHandler.EXIT_BAD_INPUT, cause);
    }

    public UserFacingException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
