package kcwb.app.service.models;

import java.nio.file.Path;

/**
 * A model folder the app can use, and where it came from.
 *
 * @param source the hub cache, the shipped demo model, a checkpoint of a training run, or an exported folder
 * @param name what the list shows first (repo id, run name, folder name)
 * @param detail the revision and commit, the checkpoint's step and metrics, or the folder
 * @param dir the Hugging Face folder itself (config.json, weights, tokenizer files)
 */
public record LocalModel(Source source, String name, String detail, Path dir) {
    /** Where a model folder came from. */
    public enum Source { HUB_CACHE, DEMO, CHECKPOINT, EXPORTED }

    /** Only a checkpoint of a run is exported (an export or a downloaded model already is an HF folder). */
    public boolean exportable() {
        return source == Source.CHECKPOINT;
    }
}
