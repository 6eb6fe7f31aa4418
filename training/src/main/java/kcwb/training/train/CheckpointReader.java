package kcwb.training.train;

import java.io.IOException;
import java.nio.file.Path;
import kcwb.training.model.HfModule;

/** Loads the weights a {@link CheckpointWriter} wrote back into the (same-shaped) model, for resume. */
@FunctionalInterface
public interface CheckpointReader {
    void readInto(Path dir, HfModule model) throws IOException;
}
