package kcwb.training.train.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The measured fp32 compute ceiling that model FLOP utilisation is judged against: the best of {@code repeats}
 * timings of one n×n×n matmul on DJL's PyTorch engine (same device and thread count as training), in GFLOP/s
 * (2·n³ floating-point operations per matmul). PyTorch runs CPU ops eagerly, so the call returns when the
 * product is computed.
 */
public final class MatmulCeiling {
    private MatmulCeiling() {}

    /** GFLOP/s of the fastest of {@code repeats} matmuls (after two warm-up calls). */
    public static double gflops(NDManager parent, int n, int repeats) {
        if (n < 1 || repeats < 1) {
            throw new IllegalArgumentException("matmul size and repeats must be ≥ 1, got " + n + ", " + repeats);
        }
        try (NDManager scope = parent.newSubManager()) {
            NDArray a = scope.randomUniform(-1f, 1f, new Shape(n, n), DataType.FLOAT32);
            NDArray b = scope.randomUniform(-1f, 1f, new Shape(n, n), DataType.FLOAT32);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < repeats + 2; i++) {
                long start = System.nanoTime();
                NDArray c = a.matMul(b);
                long elapsed = System.nanoTime() - start;
                c.close();
                if (i >= 2) {
                    best = Math.min(best, elapsed);
                }
            }
            return 2.0 * n * n * (double) n / best;
        }
    }
}
