package kcwb.storage.io;

/** A rejected row: which file, which line (1-based, where the record starts) and why. */
public record ImportProblem(String file, long line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
