package kcwb.training.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.SequencedMap;

/**
 * A DJL block whose parameters carry their Hugging Face state-dict keys
 * ({@code electra.encoder.layer.0.attention.self.query.weight}), so that loading and saving a
 * checkpoint is a name check, not a mapping table.
 *
 * <p>Forward contract for the heads: input {@code NDList(inputIds, attentionMask, tokenTypeIds)},
 * each int64 of shape [batch, seq] (mask: 1 = real token, 0 = padding); output {@code NDList(logits)},
 * float32 [batch, numLabels] for sequence classification, [batch, seq, numLabels] for token
 * classification. Dropout is active only when {@code training} is true.
 */
public interface HfModule extends Block {
    /** Every parameter under its HF state-dict key, in the order HF's state_dict() lists them. */
    SequencedMap<String, Parameter> namedParameters();

    /**
     * From now on, large embedding tables (the 54k-row word embedding) send their gradient as row-sparse updates
     * that backward adds into the parameter's existing dense gradient, touching only the rows the batch used;
     * the dense backward instead builds a fresh table-sized zero array every step (a 56 MB allocation faulted in
     * page by page) and adds all of it to the gradient. Values are the same. The caller must first give every
     * parameter a DENSE gradient (a backward through the parameters, e.g. of {@code sum(0 · p)}): a table
     * without one would get a sparse gradient. Modules without large tables ignore this.
     */
    default void useSparseEmbeddingGradients() {}
}
