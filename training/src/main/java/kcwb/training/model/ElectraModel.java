package kcwb.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;

/**
 * The ELECTRA encoder trunk, block for block as HF's {@code modeling_electra.py} (eager attention, no decoder or
 * cache paths): the nested classes below appear in forward order, and their module names are HF's, so the
 * parameter keys are HF's state-dict keys ({@code embeddings.LayerNorm.weight},
 * {@code encoder.layer.0.attention.self.query.weight}, ...).
 *
 * <p>All intermediate arrays are created on the manager of the input arrays: a caller that puts each batch on
 * its own sub-manager frees a whole forward and backward by closing it.
 */
public final class ElectraModel extends HfBlock {
    private final ElectraConfig config;
    private final Embeddings embeddings;
    private final Linear embeddingsProject;
    private final Encoder encoder;

    public ElectraModel(ElectraConfig config) {
        this.config = config;
        embeddings = child("embeddings", new Embeddings(config));
        embeddingsProject = config.embeddingSize() != config.hiddenSize()
                ? child("embeddings_project", new Linear(config.embeddingSize(), config.hiddenSize()))
                : null;
        encoder = child("encoder", new Encoder(config));
    }

    public ElectraConfig config() {
        return config;
    }

    /** Last hidden state [batch, seq, hidden] for int64 ids, mask (1 real, 0 padding) and token types [batch, seq]. */
    public NDArray forward(ParameterStore store, NDArray inputIds, NDArray attentionMask, NDArray tokenTypeIds,
            boolean training) {
        NDArray hidden = embeddings.forward(store, inputIds, tokenTypeIds, training);
        if (embeddingsProject != null) {
            hidden = embeddingsProject.forward(store, hidden, training);
        }
        return encoder.forward(store, hidden, additiveMask(attentionMask), training);
    }

    /**
     * HF's eager mask: 0 where the key is a real token, the most negative float32 where it is padding, shaped
     * [batch, 1, 1, seq] to broadcast over heads and queries. A row that is all padding then gets uniform
     * attention, as in HF, instead of NaN.
     */
    static NDArray additiveMask(NDArray attentionMask) {
        NDArray padding = attentionMask.eq(0).toType(DataType.FLOAT32, false);
        return padding.mul(-Float.MAX_VALUE).expandDims(1).expandDims(1);
    }

    /** Exact GELU, x * Φ(x) with the erf form (PyTorch's default, HF's "gelu"). */
    static NDArray gelu(NDArray x) {
        return Activation.gelu(x);
    }

    static NDArray dropout(NDArray x, double p, boolean training) {
        return training && p > 0 ? Dropout.dropout(x, (float) p, true).singletonOrThrow() : x;
    }

    /** Word + token type + position embeddings, then LayerNorm and dropout. */
    static final class Embeddings extends HfBlock {
        private final Embedding wordEmbeddings;
        private final Embedding positionEmbeddings;
        private final Embedding tokenTypeEmbeddings;
        private final LayerNorm layerNorm;
        private final double dropout;

        Embeddings(ElectraConfig config) {
            int size = config.embeddingSize();
            wordEmbeddings = child("word_embeddings", new Embedding(config.vocabSize(), size, config.padTokenId()));
            positionEmbeddings = child("position_embeddings", new Embedding(config.maxPositionEmbeddings(), size));
            tokenTypeEmbeddings = child("token_type_embeddings", new Embedding(config.typeVocabSize(), size));
            layerNorm = child("LayerNorm", new LayerNorm(size, config.layerNormEps()));
            dropout = config.hiddenDropoutProb();
        }

        NDArray forward(ParameterStore store, NDArray inputIds, NDArray tokenTypeIds, boolean training) {
            long seqLength = inputIds.getShape().get(1);
            NDArray positionIds = inputIds.getManager().arange(0L, seqLength, 1L, DataType.INT64).expandDims(0);
            NDArray embeddings = wordEmbeddings.forward(store, inputIds, training)
                    .add(tokenTypeEmbeddings.forward(store, tokenTypeIds, training))
                    .add(positionEmbeddings.forward(store, positionIds, training));
            return ElectraModel.dropout(layerNorm.forward(store, embeddings, training), dropout, training);
        }
    }

    /** Multi-head scaled dot-product attention with the additive padding mask. */
    static final class SelfAttention extends HfBlock {
        private final Linear query;
        private final Linear key;
        private final Linear value;
        private final int heads;
        private final int headSize;
        private final double dropout;

        SelfAttention(ElectraConfig config) {
            query = child("query", new Linear(config.hiddenSize(), config.hiddenSize()));
            key = child("key", new Linear(config.hiddenSize(), config.hiddenSize()));
            value = child("value", new Linear(config.hiddenSize(), config.hiddenSize()));
            heads = config.numAttentionHeads();
            headSize = config.headSize();
            dropout = config.attentionProbsDropoutProb();
        }

        NDArray forward(ParameterStore store, NDArray hidden, NDArray mask, boolean training) {
            NDArray q = splitHeads(query.forward(store, hidden, training));
            NDArray k = splitHeads(key.forward(store, hidden, training));
            NDArray v = splitHeads(value.forward(store, hidden, training));
            NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt(headSize)).add(mask);
            NDArray probs = ElectraModel.dropout(scores.softmax(-1), dropout, training);
            NDArray context = probs.matMul(v).transpose(0, 2, 1, 3);
            return context.reshape(hidden.getShape());
        }

        /** [batch, seq, hidden] → [batch, heads, seq, headSize]. */
        private NDArray splitHeads(NDArray x) {
            return x.reshape(x.getShape().get(0), x.getShape().get(1), heads, headSize).transpose(0, 2, 1, 3);
        }
    }

    /** Projection, dropout, then LayerNorm of the residual sum (post-LN). */
    static final class SelfOutput extends HfBlock {
        private final Linear dense;
        private final LayerNorm layerNorm;
        private final double dropout;

        SelfOutput(ElectraConfig config) {
            dense = child("dense", new Linear(config.hiddenSize(), config.hiddenSize()));
            layerNorm = child("LayerNorm", new LayerNorm(config.hiddenSize(), config.layerNormEps()));
            dropout = config.hiddenDropoutProb();
        }

        NDArray forward(ParameterStore store, NDArray hidden, NDArray input, boolean training) {
            NDArray projected = ElectraModel.dropout(dense.forward(store, hidden, training), dropout, training);
            return layerNorm.forward(store, projected.add(input), training);
        }
    }

    static final class Attention extends HfBlock {
        private final SelfAttention self;
        private final SelfOutput output;

        Attention(ElectraConfig config) {
            self = child("self", new SelfAttention(config));
            output = child("output", new SelfOutput(config));
        }

        NDArray forward(ParameterStore store, NDArray hidden, NDArray mask, boolean training) {
            return output.forward(store, self.forward(store, hidden, mask, training), hidden, training);
        }
    }

    /** The feed-forward expansion with exact GELU. */
    static final class Intermediate extends HfBlock {
        private final Linear dense;

        Intermediate(ElectraConfig config) {
            dense = child("dense", new Linear(config.hiddenSize(), config.intermediateSize()));
        }

        NDArray forward(ParameterStore store, NDArray hidden, boolean training) {
            return gelu(dense.forward(store, hidden, training));
        }
    }

    /** The feed-forward contraction, dropout, then LayerNorm of the residual sum. */
    static final class Output extends HfBlock {
        private final Linear dense;
        private final LayerNorm layerNorm;
        private final double dropout;

        Output(ElectraConfig config) {
            dense = child("dense", new Linear(config.intermediateSize(), config.hiddenSize()));
            layerNorm = child("LayerNorm", new LayerNorm(config.hiddenSize(), config.layerNormEps()));
            dropout = config.hiddenDropoutProb();
        }

        NDArray forward(ParameterStore store, NDArray hidden, NDArray input, boolean training) {
            NDArray projected = ElectraModel.dropout(dense.forward(store, hidden, training), dropout, training);
            return layerNorm.forward(store, projected.add(input), training);
        }
    }

    static final class Layer extends HfBlock {
        private final Attention attention;
        private final Intermediate intermediate;
        private final Output output;

        Layer(ElectraConfig config) {
            attention = child("attention", new Attention(config));
            intermediate = child("intermediate", new Intermediate(config));
            output = child("output", new Output(config));
        }

        NDArray forward(ParameterStore store, NDArray hidden, NDArray mask, boolean training) {
            NDArray attended = attention.forward(store, hidden, mask, training);
            return output.forward(store, intermediate.forward(store, attended, training), attended, training);
        }
    }

    /** The layer stack; its children are named 0, 1, ... under "layer" like HF's nn.ModuleList. */
    static final class Encoder extends HfBlock {
        private final LayerList layer;

        Encoder(ElectraConfig config) {
            layer = child("layer", new LayerList(config));
        }

        NDArray forward(ParameterStore store, NDArray hidden, NDArray mask, boolean training) {
            for (Layer each : layer.layers) {
                hidden = each.forward(store, hidden, mask, training);
            }
            return hidden;
        }
    }

    static final class LayerList extends HfBlock {
        private final java.util.List<Layer> layers = new java.util.ArrayList<>();

        LayerList(ElectraConfig config) {
            for (int i = 0; i < config.numHiddenLayers(); i++) {
                layers.add(child(Integer.toString(i), new Layer(config)));
            }
        }
    }
}
