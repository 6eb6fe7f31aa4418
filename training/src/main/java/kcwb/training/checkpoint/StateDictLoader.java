package kcwb.training.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import kcwb.training.model.HfModule;
import kcwb.training.model.NoGrad;

/**
 * Copies a {@link StateDict} into an {@link HfModule}'s parameters the way transformers'
 * {@code from_pretrained} matches keys: adds or strips the base-model prefix ({@code electra.}) when only
 * one side has it, renames legacy {@code LayerNorm.gamma/beta} to {@code weight/bias}, and checks every
 * shape before any parameter is touched, so a refused checkpoint leaves the model as it was.
 */
public final class StateDictLoader {
    public static final String ELECTRA_PREFIX = "electra";
    static final int STAGING_BYTES = 16 << 20;

    private StateDictLoader() {}

    /** Matches keys and shapes without copying anything. */
    public static LoadReport check(HfModule model, StateDict weights, String baseModelPrefix) {
        return plan(model, weights, baseModelPrefix).report();
    }

    /**
     * Copies every matching tensor into the model's (initialised) parameters.
     *
     * @throws CheckpointException when a base-model key is missing or a shape differs; the message
     *     holds the report and no parameter has been changed
     */
    public static LoadReport load(HfModule model, StateDict weights, String baseModelPrefix) throws CheckpointException {
        return load(model, weights, baseModelPrefix, STAGING_BYTES);
    }

    static LoadReport load(HfModule model, StateDict weights, String baseModelPrefix, int stagingBytes)
            throws CheckpointException {
        Plan plan = plan(model, weights, baseModelPrefix);
        if (!plan.report().isLoadable()) {
            throw new CheckpointException("checkpoint does not fit the model:\n" + plan.report().summary());
        }
        ByteBuffer staging = ByteBuffer.allocateDirect(stagingBytes);
        return NoGrad.call(() -> { // in-place copies into parameters: autograd off on whatever thread loads
            for (Map.Entry<String, HostTensor> entry : plan.sources().entrySet()) {
                copy(entry.getKey(), entry.getValue(), model.namedParameters().get(entry.getKey()), staging);
            }
            return plan.report();
        });
    }

    private record Plan(SequencedMap<String, HostTensor> sources, LoadReport report) {}

    private static Plan plan(HfModule model, StateDict weights, String baseModelPrefix) {
        SequencedMap<String, Parameter> expected = model.namedParameters();
        String prefix = baseModelPrefix.isEmpty() ? "" : baseModelPrefix + ".";
        boolean modelHasPrefix = !prefix.isEmpty() && expected.keySet().stream().anyMatch(k -> k.startsWith(prefix));
        boolean checkpointHasPrefix = !prefix.isEmpty() && weights.tensors().keySet().stream().anyMatch(k -> k.startsWith(prefix));

        Map<String, HostTensor> byModelKey = new LinkedHashMap<>();
        List<String> unexpected = new ArrayList<>();
        for (Map.Entry<String, HostTensor> entry : weights.tensors().entrySet()) {
            String key = fixLegacyName(entry.getKey());
            if (modelHasPrefix && !checkpointHasPrefix) {
                key = prefix + key;
            } else if (!modelHasPrefix && checkpointHasPrefix && key.startsWith(prefix)) {
                key = key.substring(prefix.length());
            }
            if (expected.containsKey(key)) {
                byModelKey.put(key, entry.getValue());
            } else {
                unexpected.add(entry.getKey());
            }
        }
        SequencedMap<String, HostTensor> sources = new LinkedHashMap<>();
        List<String> newlyInitialized = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<LoadReport.ShapeMismatch> mismatched = new ArrayList<>();
        for (Map.Entry<String, Parameter> entry : expected.entrySet()) {
            String key = entry.getKey();
            HostTensor source = byModelKey.get(key);
            if (source == null) {
                (modelHasPrefix && !key.startsWith(prefix) ? newlyInitialized : missing).add(key);
                continue;
            }
            long[] modelShape = shapeOf(key, entry.getValue());
            if (!Arrays.equals(modelShape, source.shape())) {
                mismatched.add(new LoadReport.ShapeMismatch(key, modelShape, source.shape()));
            } else {
                sources.put(key, source);
            }
        }
        return new Plan(sources, new LoadReport(sources.size(), newlyInitialized, missing, unexpected, mismatched));
    }

    /** transformers renames TF-era LayerNorm parameters: gamma -> weight, beta -> bias. */
    static String fixLegacyName(String key) {
        if (key.endsWith(".gamma")) {
            return key.substring(0, key.length() - "gamma".length()) + "weight";
        }
        if (key.endsWith(".beta")) {
            return key.substring(0, key.length() - "beta".length()) + "bias";
        }
        return key;
    }

    private static long[] shapeOf(String key, Parameter parameter) {
        if (!parameter.isInitialized()) {
            throw new IllegalStateException("parameter '" + key + "' is not initialised: initialise the model before loading");
        }
        return parameter.getArray().getShape().getShape();
    }

    /**
     * Copies one tensor into the parameter's own memory. DJL's {@code create} wraps a direct buffer
     * without copying; {@code set} then copies it natively, and the wrapper is closed at once. A mapped
     * file region (safetensors) is wrapped as is: torch only reads it. Heap data (.bin storages, widened
     * halves) goes through one small direct staging buffer, a block of rows at a time, so the load holds
     * the host state dict plus {@link #STAGING_BYTES} besides the model.
     */
    private static void copy(String key, HostTensor source, Parameter parameter, ByteBuffer staging) throws CheckpointException {
        NDArray target = parameter.getArray();
        DataType wanted = dataType(source.type());
        if (target.getDataType() != wanted) {
            throw new CheckpointException("tensor '" + key + "': checkpoint holds " + source.type()
                    + " but the model parameter is " + target.getDataType());
        }
        ByteBuffer data = source.data();
        Shape shape = target.getShape();
        if (data.isDirect() || shape.dimension() == 0) {
            copyRows(target, data.isDirect() ? data : staging.clear().put(data).flip(), "...", shape);
            return;
        }
        long rows = shape.get(0);
        long rowBytes = rows == 0 ? 1 : data.remaining() / rows;
        long rowsPerBlock = Math.max(1, staging.capacity() / Math.max(1, rowBytes));
        for (long start = 0; start < rows; start += rowsPerBlock) {
            long end = Math.min(rows, start + rowsPerBlock);
            ByteBuffer block = data.slice((int) (start * rowBytes), (int) ((end - start) * rowBytes));
            ByteBuffer direct = block.remaining() <= staging.capacity() ? staging.clear().put(block).flip()
                    : ByteBuffer.allocateDirect(block.remaining()).put(block).flip(); // one row over the staging size
            long[] blockShape = shape.getShape();
            blockShape[0] = end - start;
            copyRows(target, direct, start + ":" + end, new Shape(blockShape));
        }
    }

    /** Runs under {@link NoGrad} (see {@link #load}): torch refuses in-place writes into tracked leaves otherwise. */
    private static void copyRows(NDArray target, ByteBuffer direct, String index, Shape shape) {
        try (NDArray wrapped = target.getManager().create(direct.order(ByteOrder.nativeOrder()), shape, target.getDataType())) {
            target.set(new NDIndex(index), wrapped);
        } finally {
            Reference.reachabilityFence(direct);
        }
    }

    private static DataType dataType(ElementType type) {
        return switch (type) {
            case F32 -> DataType.FLOAT32;
            case F64 -> DataType.FLOAT64;
            case I64 -> DataType.INT64;
            case I32 -> DataType.INT32;
            case I8 -> DataType.INT8;
            case U8 -> DataType.UINT8;
            case BOOL -> DataType.BOOLEAN;
            case I16 -> DataType.INT16;
            case F16, BF16 -> throw new IllegalArgumentException("half precision never reaches DJL: " + type);
        };
    }
}
