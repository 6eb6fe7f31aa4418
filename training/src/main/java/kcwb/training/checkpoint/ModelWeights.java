package kcwb.training.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import kcwb.training.model.HfModule;

/** Copies a model's parameters to host memory under their HF keys, ready for {@link SafetensorsWriter}. */
public final class ModelWeights {
    private ModelWeights() {}

    public static StateDict snapshot(HfModule model) {
        SequencedMap<String, HostTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> entry : model.namedParameters().entrySet()) {
            NDArray array = entry.getValue().getArray();
            ByteBuffer bytes = array.toByteBuffer();
            ByteBuffer copy = ByteBuffer.allocate(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
            copy.put(bytes.order(ByteOrder.nativeOrder())).flip();
            tensors.put(entry.getKey(), new HostTensor(entry.getKey(), elementType(entry.getKey(), array),
                    array.getShape().getShape(), copy));
        }
        return StateDict.of(tensors);
    }

    private static ElementType elementType(String key, NDArray array) {
        return switch (array.getDataType()) {
            case FLOAT32 -> ElementType.F32;
            case FLOAT64 -> ElementType.F64;
            case INT64 -> ElementType.I64;
            case INT32 -> ElementType.I32;
            case INT8 -> ElementType.I8;
            case UINT8 -> ElementType.U8;
            case BOOLEAN -> ElementType.BOOL;
            case INT16 -> ElementType.I16;
            default -> throw new IllegalArgumentException("parameter '" + key + "' has unsupported type " + array.getDataType());
        };
    }
}
