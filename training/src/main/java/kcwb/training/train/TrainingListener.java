package kcwb.training.train;

/**
 * Receives every {@link TrainingEvent} on the training thread; keep it quick (hand work to another thread).
 * A listener that throws is reported once on stderr and then ignored, so a broken chart cannot stop training.
 */
@FunctionalInterface
public interface TrainingListener {
    void onEvent(TrainingEvent event);
}
