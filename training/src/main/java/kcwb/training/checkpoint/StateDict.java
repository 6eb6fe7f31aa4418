package kcwb.training.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/** Tensors by state-dict key, in file order, plus the file's string metadata (safetensors {@code __metadata__}). */
public record StateDict(SequencedMap<String, HostTensor> tensors, Map<String, String> metadata) {
    public StateDict {
        tensors = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(tensors));
        metadata = Map.copyOf(metadata);
    }

    public static StateDict of(SequencedMap<String, HostTensor> tensors) {
        return new StateDict(tensors, Map.of());
    }

    public HostTensor get(String key) {
        HostTensor tensor = tensors.get(key);
        if (tensor == null) {
            throw new IllegalArgumentException("no tensor '" + key + "' in the state dict");
        }
        return tensor;
    }

    public int size() {
        return tensors.size();
    }

    public long byteSize() {
        return tensors.values().stream().mapToLong(HostTensor::byteSize).sum();
    }
}
