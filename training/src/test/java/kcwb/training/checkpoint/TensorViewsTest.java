package kcwb.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import kcwb.training.checkpoint.AllowListUnpickler.TensorRef;
import org.junit.jupiter.api.Test;

class TensorViewsTest {
    private static final Path FILE = Path.of("model.bin");

    /** Storage 0..11 as a 3x4 row-major matrix. */
    private static ByteBuffer storage() {
        ByteBuffer bytes = ByteBuffer.allocate(12 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 12; i++) {
            bytes.putFloat(i);
        }
        return bytes.flip();
    }

    @Test
    void gathersATransposedSliceWithAnOffset() throws CheckpointException {
        // rows 1..2, columns 1..3 of the 3x4 matrix, transposed: offset 5, size (3, 2), stride (1, 4)
        TensorRef ref = new TensorRef(null, 5, new long[] {3, 2}, new long[] {1, 4});
        HostTensor tensor = TensorViews.materialise(FILE, "w", ElementType.F32, storage(), ref);
        assertArrayEquals(new float[] {5, 9, 6, 10, 7, 11}, tensor.toFloatArray());
    }

    @Test
    void broadcastStrideZeroAndEmptyTensorsWork() throws CheckpointException {
        TensorRef expanded = new TensorRef(null, 2, new long[] {2, 3}, new long[] {0, 1});
        assertArrayEquals(new float[] {2, 3, 4, 2, 3, 4},
                TensorViews.materialise(FILE, "e", ElementType.F32, storage(), expanded).toFloatArray());
        TensorRef empty = new TensorRef(null, 0, new long[] {0, 4}, new long[] {4, 1});
        assertArrayEquals(new float[0], TensorViews.materialise(FILE, "z", ElementType.F32, storage(), empty).toFloatArray());
    }

    @Test
    void aViewReachingPastItsStorageIsACorruptCheckpoint() {
        TensorRef ref = new TensorRef(null, 6, new long[] {2, 4}, new long[] {4, 1});
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> TensorViews.materialise(FILE, "w", ElementType.F32, storage(), ref));
        assertTrue(e.getMessage().contains("tensor 'w'") && e.getMessage().contains("reaches past its storage of 12"),
                e.getMessage());
    }
}
