package kcwb.training.checkpoint;

import java.util.Arrays;
import java.util.List;

/**
 * What {@link StateDictLoader} did, in transformers' terms. {@code newlyInitialized}: model keys outside
 * the base model (a new head) the checkpoint lacks, expected when fine-tuning from an encoder.
 * {@code missing}: base-model keys the checkpoint lacks (an error). {@code unexpected}: checkpoint keys
 * the model has no place for (ignored, e.g. {@code discriminator_predictions.*}).
 */
public record LoadReport(int loadedCount, List<String> newlyInitialized, List<String> missing,
        List<String> unexpected, List<ShapeMismatch> mismatched) {
    public LoadReport {
        newlyInitialized = List.copyOf(newlyInitialized);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        mismatched = List.copyOf(mismatched);
    }

    /** A checkpoint tensor whose shape differs from the model parameter it names. */
    public record ShapeMismatch(String key, long[] expected, long[] found) {
        @Override
        public String toString() {
            return key + ": checkpoint " + Arrays.toString(found) + ", model " + Arrays.toString(expected);
        }
    }

    /** True when the weights could be (or were) copied: no missing base-model key and no shape mismatch. */
    public boolean isLoadable() {
        return missing.isEmpty() && mismatched.isEmpty();
    }

    /** A multi-line account like transformers' loading warnings. */
    public String summary() {
        StringBuilder text = new StringBuilder("loaded " + loadedCount + " tensors");
        append(text, "newly initialized (not in the checkpoint; train them)", newlyInitialized);
        append(text, "MISSING from the checkpoint", missing);
        append(text, "SHAPE MISMATCH", mismatched.stream().map(ShapeMismatch::toString).toList());
        append(text, "unexpected (in the checkpoint, not used by this model)", unexpected);
        return text.toString();
    }

    private static void append(StringBuilder text, String title, List<String> keys) {
        if (!keys.isEmpty()) {
            text.append('\n').append(title).append(": ").append(String.join(", ", keys));
        }
    }
}
