package kcwb.training.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The whole AdamW update of a CPU float32 parameter in ONE pass over memory, in Java, on the tensors' own storage
 * (DJL hands out a direct buffer over a contiguous CPU tensor's data): per element it reads the gradient, both
 * moments and the parameter once, writes them back once and leaves the gradient zero for the next backward.
 * The same update as a chain of DJL array ops touches each 56 MB embedding-sized array about 35 times (one
 * pass per op), and that memory traffic, not the arithmetic, was the optimiser's cost. Per element, in float
 * like torch's single-tensor AdamW (lerp, addcmul, sqrt / bias correction + eps, addcdiv), with the
 * global-norm clip coefficient folded in:
 * <pre>
 *   g = g·clip;  p ·= 1 − lr·wd;  m = m + (1 − β1)·(g − m);  v = β2·v + (1 − β2)·g·g
 *   p += −(lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε);   g = 0
 * </pre>
 * Work is split into chunks run on a pool of {@code threads} threads (torch's own threads are idle meanwhile).
 */
final class AdamWKernel implements AutoCloseable {
    /** Elements per parallel task: large enough that task overhead vanishes, small enough to balance. */
    private static final long CHUNK = 1 << 18;

    /** The scalars of one step, already in the precision torch uses for them. */
    record Coefficients(float gradScale, float decayFactor, float oneMinusBeta1, float beta2, float oneMinusBeta2,
            float biasCorrection2Sqrt, float epsilon, float negativeStepSize) {}

    /** One parameter's four arrays as raw memory, all the same length in floats. */
    record Slot(MemorySegment param, MemorySegment grad, MemorySegment expAvg, MemorySegment expAvgSq, boolean decay) {
        long length() {
            return param.byteSize() / Float.BYTES;
        }
    }

    private final ForkJoinPool pool;

    AdamWKernel(int threads) {
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    /**
     * The raw memory of {@code array} when the kernel can update it in place: a float32 array on the CPU whose
     * direct buffer is its own storage (a non-contiguous tensor would hand out a fresh copy each time, which the
     * two-call address check catches); otherwise null.
     */
    static MemorySegment storageOf(NDArray array) {
        if (!Device.cpu().equals(array.getDevice()) || array.getDataType() != DataType.FLOAT32 || array.isSparse()) {
            return null;
        }
        ByteBuffer first = array.toByteBuffer(true);
        ByteBuffer second = array.toByteBuffer(true);
        if (!first.isDirect() || !second.isDirect()) {
            return null;
        }
        MemorySegment segment = MemorySegment.ofBuffer(first);
        boolean sameStorage = segment.address() == MemorySegment.ofBuffer(second).address()
                && segment.byteSize() == array.size() * Float.BYTES;
        return sameStorage ? segment : null;
    }

    /** Updates every slot; returns when all are done. */
    void update(List<Slot> slots, Coefficients c) {
        List<Runnable> tasks = new ArrayList<>();
        for (Slot slot : slots) {
            long length = slot.length();
            for (long from = 0; from < length; from += CHUNK) {
                long start = from;
                long end = Math.min(length, from + CHUNK);
                tasks.add(() -> update(slot, start, end, c));
            }
        }
        if (pool == null || tasks.size() == 1) {
            tasks.forEach(Runnable::run);
        } else {
            pool.submit(() -> IntStream.range(0, tasks.size()).parallel().forEach(i -> tasks.get(i).run())).join();
        }
    }

    private static void update(Slot s, long from, long to, Coefficients c) {
        ValueLayout.OfFloat f = ValueLayout.JAVA_FLOAT;
        float decayFactor = s.decay() ? c.decayFactor() : 1f;
        for (long i = from; i < to; i++) {
            float g = s.grad().getAtIndex(f, i) * c.gradScale();
            float p = s.param().getAtIndex(f, i) * decayFactor;
            float m = s.expAvg().getAtIndex(f, i);
            m = m + c.oneMinusBeta1() * (g - m);
            float v = s.expAvgSq().getAtIndex(f, i) * c.beta2() + c.oneMinusBeta2() * g * g;
            float denominator = (float) Math.sqrt(v) / c.biasCorrection2Sqrt() + c.epsilon();
            s.param().setAtIndex(f, i, p + c.negativeStepSize() * m / denominator);
            s.expAvg().setAtIndex(f, i, m);
            s.expAvgSq().setAtIndex(f, i, v);
            s.grad().setAtIndex(f, i, 0f);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
