package kcwb.training.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import kcwb.training.checkpoint.AllowListUnpickler.TensorRef;

/** Turns a torch view (storage, offset, size, stride) into a contiguous host tensor, checking every bound. */
final class TensorViews {
    private TensorViews() {}

    static HostTensor materialise(Path file, String name, ElementType type, ByteBuffer storage, TensorRef ref)
            throws CheckpointException {
        long[] size = ref.size();
        long[] stride = ref.stride();
        long storageElements = storage.remaining() / type.byteSize();
        if (size.length != stride.length) {
            throw CheckpointException.inTensor(file, name, "size " + Arrays.toString(size) + " and stride "
                    + Arrays.toString(stride) + " differ in rank");
        }
        long count = 1;
        long lastIndex = ref.offset();
        for (int d = 0; d < size.length; d++) {
            if (size[d] < 0 || stride[d] < 0) {
                throw CheckpointException.inTensor(file, name, "negative size or stride: " + Arrays.toString(size)
                        + " / " + Arrays.toString(stride));
            }
            count = Math.multiplyExact(count, size[d]);
            if (size[d] > 0) {
                lastIndex = Math.addExact(lastIndex, Math.multiplyExact(size[d] - 1, stride[d]));
            }
        }
        if (count > 0 && (ref.offset() < 0 || lastIndex >= storageElements)) {
            throw CheckpointException.inTensor(file, name, "view (offset " + ref.offset() + ", size " + Arrays.toString(size)
                    + ", stride " + Arrays.toString(stride) + ") reaches past its storage of " + storageElements
                    + " elements (corrupt checkpoint)");
        }
        if (count * type.byteSize() > Integer.MAX_VALUE - 8) {
            throw CheckpointException.inTensor(file, name, "tensors over 2 GB are not supported");
        }
        ByteBuffer bytes = isContiguous(size, stride)
                ? storage.slice((int) (ref.offset() * type.byteSize()), (int) (count * type.byteSize()))
                : gather(storage, type.byteSize(), ref.offset(), size, stride, (int) count);
        if (type.isHalfPrecision()) {
            return new HostTensor(name, ElementType.F32, size, HalfFloats.widenToFloat32(bytes, type, (int) count));
        }
        return new HostTensor(name, type, size, bytes);
    }

    private static boolean isContiguous(long[] size, long[] stride) {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }

    /** Copies a strided view element by element, walking the index like an odometer (last dim fastest). */
    private static ByteBuffer gather(ByteBuffer storage, int elementBytes, long offset, long[] size, long[] stride, int count) {
        ByteBuffer out = ByteBuffer.allocate(count * elementBytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] element = new byte[elementBytes];
        long[] index = new long[size.length];
        long position = offset;
        for (int i = 0; i < count; i++) {
            storage.get((int) (position * elementBytes), element);
            out.put(element);
            for (int d = size.length - 1; d >= 0; d--) {
                index[d]++;
                position += stride[d];
                if (index[d] < size[d]) {
                    break;
                }
                position -= stride[d] * size[d];
                index[d] = 0;
            }
        }
        return out.flip();
    }
}
