package kcwb.training.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Exact fp16/bf16 to fp32 widening (every half value is representable in fp32). */
final class HalfFloats {
    private HalfFloats() {}

    /** Reads {@code count} little-endian halves of {@code type} from {@code source} into new F32 bytes. */
    static ByteBuffer widenToFloat32(ByteBuffer source, ElementType type, int count) {
        ByteBuffer in = source.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(Math.multiplyExact(count, 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            short bits = in.getShort();
            out.putFloat(type == ElementType.BF16 ? Float.intBitsToFloat((bits & 0xffff) << 16) : Float.float16ToFloat(bits));
        }
        return out.flip();
    }
}
