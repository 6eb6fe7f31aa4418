package kcwb.training.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Torch's grad mode is per thread, and DJL switches it off only on the thread that started the engine; on any
 * other thread it is on, so the optimiser's in-place parameter updates fail ("a leaf Variable that requires grad
 * is being used in an in-place operation"). A run switches it off on its own thread first; gradients are still
 * recorded inside each step's {@code GradientCollector}, which turns it on for the step.
 */
final class TorchGradMode {
    private TorchGradMode() {}

    static void offForThisThread() {
        // only when it is on: switching it off where it already is changed results in FineTuneJobTest (not understood yet)
        if ("PyTorch".equals(Engine.getInstance().getEngineName()) && JniUtils.isGradMode()) {
            JniUtils.setGradMode(false);
        }
    }
}
