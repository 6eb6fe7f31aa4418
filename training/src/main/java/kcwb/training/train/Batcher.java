package kcwb.training.train;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns examples into padded {@link HostBatch}es: encodes each text once (then caches it), pads to the
 * longest row of the batch, and checks labels. Batching by length uses the text's code-point count as a
 * cheap stand-in for its token count, so planning an epoch never waits for the tokenizer.
 */
public final class Batcher {
    private final ExampleSource source;
    private final TextEncoder encoder;
    private final int maxLength;
    private final int numLabels;
    private final ProblemType problemType;
    private final Map<Integer, EncodedText> cache = new ConcurrentHashMap<>();

    public Batcher(ExampleSource source, TextEncoder encoder, int maxLength, int numLabels, ProblemType problemType) {
        this.source = source;
        this.encoder = encoder;
        this.maxLength = maxLength;
        this.numLabels = numLabels;
        this.problemType = problemType;
    }

    public int size() {
        return source.size();
    }

    /** Code-point length of every text, for {@link BatchPlan}. */
    public int[] approximateLengths() {
        int[] lengths = new int[source.size()];
        for (int i = 0; i < lengths.length; i++) {
            String text = source.get(i).text();
            lengths[i] = text.codePointCount(0, text.length());
        }
        return lengths;
    }

    /** Encodes and pads the examples at {@code indices}; safe to call from one producer thread. */
    public HostBatch batch(int[] indices) {
        EncodedText[] encoded = new EncodedText[indices.length];
        int length = 1;
        for (int r = 0; r < indices.length; r++) {
            encoded[r] = cache.computeIfAbsent(indices[r], this::encode);
            length = Math.max(length, encoded[r].length());
        }
        int rows = indices.length;
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            EncodedText e = encoded[r];
            System.arraycopy(e.inputIds(), 0, ids, r * length, e.length());
            Arrays.fill(mask, r * length, r * length + e.length(), 1L);
            if (e.tokenTypeIds() != null) {
                System.arraycopy(e.tokenTypeIds(), 0, types, r * length, e.length());
            }
        }
        List<Integer> exampleIndices = Arrays.stream(indices).boxed().toList();
        return problemType == ProblemType.SINGLE_LABEL
                ? new HostBatch(rows, length, ids, mask, types, classLabels(indices), null, numLabels, exampleIndices)
                : new HostBatch(rows, length, ids, mask, types, null, multiHot(indices), numLabels, exampleIndices);
    }

    private EncodedText encode(int index) {
        LabeledExample example = source.get(index);
        EncodedText encoded = encoder.encode(example.text(), maxLength);
        if (encoded.length() > maxLength) {
            throw new IllegalStateException("the text encoder returned " + encoded.length()
                    + " tokens for example " + example.id() + " but max length is " + maxLength);
        }
        return encoded;
    }

    private long[] classLabels(int[] indices) {
        long[] labels = new long[indices.length];
        for (int r = 0; r < indices.length; r++) {
            LabeledExample example = source.get(indices[r]);
            if (example.labels().size() != 1) {
                throw new IllegalArgumentException("example " + example.id() + " has " + example.labels().size()
                        + " labels; a single-label problem needs exactly one");
            }
            labels[r] = checkedLabel(example, example.labels().getFirst());
        }
        return labels;
    }

    private float[] multiHot(int[] indices) {
        float[] labels = new float[indices.length * numLabels];
        for (int r = 0; r < indices.length; r++) {
            LabeledExample example = source.get(indices[r]);
            for (int label : example.labels()) {
                labels[r * numLabels + checkedLabel(example, label)] = 1f;
            }
        }
        return labels;
    }

    private int checkedLabel(LabeledExample example, int label) {
        if (label < 0 || label >= numLabels) {
            throw new IllegalArgumentException("example " + example.id() + " has label index " + label
                    + " but the model has " + numLabels + " labels");
        }
        return label;
    }
}
