package kcwb.training.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A tensor in Java memory, before any native code sees it: contiguous, row-major, little-endian
 * bytes. Never F16/BF16 (readers convert those to F32). The buffer may be a read-only view of a
 * memory-mapped file; treat it as read-only.
 */
public record HostTensor(String name, ElementType type, long[] shape, ByteBuffer data) {
    public HostTensor {
        shape = shape.clone();
        data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        long expected = Math.multiplyExact(elementCount(shape), type.byteSize());
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("tensor '" + name + "': " + data.remaining() + " bytes for shape "
                    + Arrays.toString(shape) + " of " + type + " (expected " + expected + ")");
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** A read-only little-endian view of the bytes, positioned at 0. */
    @Override
    public ByteBuffer data() {
        return data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    public long elementCount() {
        return elementCount(shape);
    }

    public long byteSize() {
        return data.remaining();
    }

    public float[] toFloatArray() {
        requireType(ElementType.F32);
        float[] values = new float[Math.toIntExact(elementCount())];
        data().asFloatBuffer().get(values);
        return values;
    }

    public long[] toLongArray() {
        requireType(ElementType.I64);
        long[] values = new long[Math.toIntExact(elementCount())];
        data().asLongBuffer().get(values);
        return values;
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }

    private void requireType(ElementType wanted) {
        if (type != wanted) {
            throw new IllegalStateException("tensor '" + name + "' is " + type + ", not " + wanted);
        }
    }

    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }
}
