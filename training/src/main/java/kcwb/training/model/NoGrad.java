package kcwb.training.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one way this code base switches PyTorch autograd off: around a piece of work, on the calling thread, restoring
 * the thread's mode afterwards. Grad mode is per thread and DJL switches it off only on the thread that started the
 * engine, so on any other thread (the GUI's workers, a training thread) copying weights into parameters or the
 * optimiser's in-place updates fail ("a leaf Variable that requires grad is being used in an in-place operation"),
 * and inference would build graphs it never uses. A training step inside the work still records its gradients: its
 * {@code GradientCollector} switches grad mode on for the step and back off when it closes.
 */
public final class NoGrad {
    /** The work; may throw a checked exception of type {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private NoGrad() {}

    public static <T, E extends Exception> T call(Work<T, E> work) throws E {
        boolean switched = switchOffIfOn();
        try {
            return work.run();
        } finally {
            if (switched) {
                JniUtils.setGradMode(true);
            }
        }
    }

    /** Grad mode off on this thread if it is on (PyTorch engine only); true when it was switched. */
    private static boolean switchOffIfOn() {
        if (!"PyTorch".equals(Engine.getInstance().getEngineName()) || !JniUtils.isGradMode()) {
            return false;
        }
        JniUtils.setGradMode(false);
        return true;
    }
}
