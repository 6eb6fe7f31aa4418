package kcwb.training.model;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Runs work with PyTorch autograd off on the calling thread, then restores the thread's previous mode. Grad mode is
 * per thread: DJL switches it off only on the thread that started the engine, so on any other thread (the GUI's
 * workers) copying weights into parameters fails ("a leaf Variable that requires grad is being used in an in-place
 * operation") and inference would build graphs it never uses.
 */
public final class NoGrad {
    /** The work; may throw a checked exception of type {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private NoGrad() {}

    public static <T, E extends Exception> T call(Work<T, E> work) throws E {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return work.run();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }
}
