package kcwb.training.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
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

/**
 * Copies a {@link StateDict} into an {@link HfModule}'s parameters the way transformers'
 * {@code from_pretrained} matches keys: adds or strips the base-model prefix ({@code electra.}) when only
 * one side has it, renames legacy {@code LayerNorm.gamma/beta} to {@code weight/bias}, and checks every
 * shape before any parameter is touched, so a refused checkpoint leaves the model as it was.
 */
public final class StateDictLoader {
    public static final String ELECTRA_PREFIX = "electra";

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
        Plan plan = plan(model, weights, baseModelPrefix);
        if (!plan.report().isLoadable()) {
            throw new CheckpointException("checkpoint does not fit the model:\n" + plan.report().summary());
        }
        for (Map.Entry<String, HostTensor> entry : plan.sources().entrySet()) {
            copy(entry.getKey(), entry.getValue(), model.namedParameters().get(entry.getKey()));
        }
        return plan.report();
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

    private static void copy(String key, HostTensor source, Parameter parameter) throws CheckpointException {
        NDArray target = parameter.getArray();
        DataType wanted = dataType(source.type());
        if (target.getDataType() != wanted) {
            throw new CheckpointException("tensor '" + key + "': checkpoint holds " + source.type()
                    + " but the model parameter is " + target.getDataType());
        }
        // A writable direct copy: DJL's create() wraps the buffer without copying (it may be a read-only
        // file mapping otherwise), and set() copies it into the parameter's own memory.
        ByteBuffer direct = ByteBuffer.allocateDirect((int) source.byteSize()).order(ByteOrder.nativeOrder());
        direct.put(source.data()).flip();
        try (NDArray staged = target.getManager().create(direct, target.getShape(), wanted)) {
            target.set(new NDIndex("..."), staged);
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
