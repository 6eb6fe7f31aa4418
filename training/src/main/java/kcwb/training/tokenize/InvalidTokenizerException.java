package kcwb.training.tokenize;

/** A model folder's tokenizer files are missing or unusable; the message names the file and why. */
public class InvalidTokenizerException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenizerException(String message) {
        super(message);
    }

    public InvalidTokenizerException(String message, Throwable cause) {
        super(message, cause);
    }
}
