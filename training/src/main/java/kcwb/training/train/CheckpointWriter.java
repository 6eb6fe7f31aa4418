package kcwb.training.train;

import java.io.IOException;
import java.nio.file.Path;
import kcwb.training.eval.Evaluation;
import kcwb.training.model.HfModule;

/**
 * Writes the model as a loadable HF folder (config.json, model.safetensors, tokenizer files) into an
 * existing empty {@code dir}. The engine writes its resume state next to it ({@link TrainingStateStore}),
 * then renames the folder to {@code checkpoint-<step>}, so the writer must not rely on the folder's name.
 * {@code metrics} is null when the checkpoint was saved without an evaluation (on cancel).
 */
@FunctionalInterface
public interface CheckpointWriter {
    void write(Path dir, HfModule model, long step, Evaluation metrics) throws IOException;
}
