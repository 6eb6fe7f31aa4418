package kcwb.app.service;

/** One line of a user's input cannot be used; the message names the source, the line and why. */
public class BadInputLineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long lineNumber;

    public BadInputLineException(String sourceName, long lineNumber, String problem) {
        super(sourceName + " line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    public long lineNumber() {
        return lineNumber;
    }
}
