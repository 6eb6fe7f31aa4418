package kcwb.app.service;

/** A line of a line-oriented input could not be used: says which line (1-based) and why. */
public class BadLineException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long lineNumber;

    public BadLineException(long lineNumber, String reason, Throwable cause) {
        super("line " + lineNumber + ": " + reason, cause);
        this.lineNumber = lineNumber;
    }

    public long lineNumber() {
        return lineNumber;
    }
}
