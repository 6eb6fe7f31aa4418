package kcwb.training.finetune;

import java.nio.file.Path;

/** One bad row (or a whole-file problem when {@code line} is 0): printed as {@code FILE line N: CAUSE}. */
public record DatasetProblem(Path file, long line, String cause) {
    @Override
    public String toString() {
        return line > 0 ? file + " line " + line + ": " + cause : file + ": " + cause;
    }
}
