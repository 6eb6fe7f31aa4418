package kcwb.training.checkpoint;

import java.util.Optional;

/**
 * Element types a checkpoint may hold, named as safetensors names them. {@link #F16} and {@link #BF16}
 * exist only on disk: readers convert them to {@link #F32} (DJL 0.36 aborts the JVM on bf16).
 */
public enum ElementType {
    BOOL(1, 0), U8(1, 1), I8(1, 2), I16(2, 3), F16(2, 5), BF16(2, 6), I32(4, 7), F32(4, 9), F64(8, 10), I64(8, 11);

    private final int byteSize;
    /** Rank in the Rust safetensors Dtype enum: its writer orders tensors by descending rank, then name. */
    private final int safetensorsRank;

    ElementType(int byteSize, int safetensorsRank) {
        this.byteSize = byteSize;
        this.safetensorsRank = safetensorsRank;
    }

    public int byteSize() {
        return byteSize;
    }

    int safetensorsRank() {
        return safetensorsRank;
    }

    public boolean isHalfPrecision() {
        return this == F16 || this == BF16;
    }

    /** The safetensors dtype string ("F32", "BF16", ...) mapped back, empty when unknown. */
    public static Optional<ElementType> fromSafetensorsName(String name) {
        for (ElementType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
