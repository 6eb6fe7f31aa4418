package kcwb.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * A DJL block that knows the PyTorch module names of its children and parameters, so the whole tree can list
 * its parameters under HF state-dict keys in HF's order (own parameters first, then children in registration
 * order, exactly like {@code nn.Module.state_dict()}).
 *
 * <p>Parameters have fixed shapes from the config, so {@code initialize} needs no shape inference: it allocates
 * zeros, and {@link ModelInitializer} then fills them like HF's {@code _init_weights}. The nested classes are the
 * three {@code torch.nn} primitives ELECTRA uses, written on DJL's PyTorch ops ({@code linear}, {@code layer_norm},
 * {@code embedding}).
 */
public abstract class HfBlock extends AbstractBlock {
    /** How HF's {@code _init_weights} fills a parameter. */
    enum Init { NORMAL, ZEROS, ONES }

    private final SequencedMap<String, HfBlock> hfChildren = new LinkedHashMap<>();
    private final SequencedMap<String, Parameter> hfParameters = new LinkedHashMap<>();
    private final Map<Parameter, Init> inits = new LinkedHashMap<>();

    protected final <B extends HfBlock> B child(String moduleName, B block) {
        hfChildren.put(moduleName, block);
        return addChildBlock(moduleName, block);
    }

    protected final Parameter parameter(String name, Init init, long... shape) {
        Parameter.Type type = switch (init) {
            case NORMAL -> Parameter.Type.WEIGHT;
            case ZEROS -> Parameter.Type.BIAS;
            case ONES -> Parameter.Type.GAMMA;
        };
        Parameter parameter = addParameter(Parameter.builder().setName(name).setType(type)
                .optShape(new Shape(shape)).optInitializer(new ConstantInitializer(0f)).build());
        hfParameters.put(name, parameter);
        inits.put(parameter, init);
        return parameter;
    }

    /** Adds every parameter under {@code prefix + name}, depth first, in state_dict order. */
    final void collectParameters(String prefix, SequencedMap<String, Parameter> out) {
        hfParameters.forEach((name, parameter) -> out.put(prefix + name, parameter));
        hfChildren.forEach((name, block) -> block.collectParameters(prefix + name + ".", out));
    }

    final void collectInits(Map<Parameter, Init> out) {
        out.putAll(inits);
        hfChildren.values().forEach(block -> block.collectInits(out));
    }

    /** Row of this parameter that HF zeroes at init and never updates (nn.Embedding's padding_idx), or -1. */
    int paddingRow(Parameter parameter) {
        return -1;
    }

    final void collectPaddingRows(Map<Parameter, Integer> out) {
        hfParameters.values().forEach(p -> {
            if (paddingRow(p) >= 0) {
                out.put(p, paddingRow(p));
            }
        });
        hfChildren.values().forEach(block -> block.collectPaddingRows(out));
    }

    /** See {@link HfModule#useSparseEmbeddingGradients()}; embedding tables override this. */
    void useSparseGradients() {
        hfChildren.values().forEach(HfBlock::useSparseGradients);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (HfBlock block : hfChildren.values()) {
            block.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is used through the model's forward");
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is called through typed forward");
    }

    static NDArray value(ParameterStore store, Parameter parameter, NDArray like, boolean training) {
        return store.getValue(parameter, like.getDevice(), training);
    }

    /** torch.nn.Linear: y = x W^T + b with W stored [out, in]. */
    static final class Linear extends HfBlock {
        private final Parameter weight;
        private final Parameter bias;

        Linear(int in, int out) {
            weight = parameter("weight", Init.NORMAL, out, in);
            bias = parameter("bias", Init.ZEROS, out);
        }

        NDArray forward(ParameterStore store, NDArray x, boolean training) {
            return ai.djl.nn.core.Linear.linear(x, value(store, weight, x, training), value(store, bias, x, training))
                    .singletonOrThrow();
        }
    }

    /** torch.nn.LayerNorm over the last axis, with affine weight and bias. */
    static final class LayerNorm extends HfBlock {
        private final Parameter weight;
        private final Parameter bias;
        private final Shape normalizedShape;
        private final float eps;

        LayerNorm(int size, double eps) {
            weight = parameter("weight", Init.ONES, size);
            bias = parameter("bias", Init.ZEROS, size);
            normalizedShape = new Shape(size);
            this.eps = (float) eps;
        }

        NDArray forward(ParameterStore store, NDArray x, boolean training) {
            return ai.djl.nn.norm.LayerNorm.layerNorm(x, normalizedShape, value(store, weight, x, training),
                    value(store, bias, x, training), eps).singletonOrThrow();
        }
    }

    /**
     * torch.nn.Embedding. With a padding index, like PyTorch, the padding row gets no gradient: positions that
     * look it up read a detached copy (also when dropout is off, so eval-mode gradients match HF too).
     */
    static final class Embedding extends HfBlock {
        /** Tables at least this large (elements) use row-sparse gradients when asked; small ones stay dense. */
        private static final long SPARSE_GRADIENT_MIN_SIZE = 1 << 20;
        private final Parameter weight;
        private final int paddingIdx;
        private SparseFormat gradientFormat = SparseFormat.DENSE;

        Embedding(int count, int dim, int paddingIdx) {
            weight = parameter("weight", Init.NORMAL, count, dim);
            this.paddingIdx = paddingIdx;
        }

        Embedding(int count, int dim) {
            this(count, dim, -1);
        }

        @Override
        int paddingRow(Parameter parameter) {
            return parameter == weight ? paddingIdx : -1;
        }

        @Override
        void useSparseGradients() {
            if (weight.getShape().size() >= SPARSE_GRADIENT_MIN_SIZE) {
                gradientFormat = SparseFormat.COO;
            }
        }

        NDArray forward(ParameterStore store, NDArray ids, boolean training) {
            NDArray table = value(store, weight, ids, training);
            NDArray looked = ai.djl.nn.core.Embedding.embedding(ids, table, gradientFormat).singletonOrThrow();
            if (paddingIdx < 0) {
                return looked;
            }
            NDArray isPadding = ids.eq(paddingIdx).expandDims(-1).toType(DataType.FLOAT32, false);
            // x * 1 + x * 0 is exactly x, so values are unchanged; only the gradient path differs.
            return looked.mul(isPadding.neg().add(1f)).add(looked.stopGradient().mul(isPadding));
        }
    }
}
