package kcwb.app.gui.train;

import java.util.List;
import java.util.function.Consumer;
import kcwb.app.service.train.TrainRequest;
import kcwb.app.service.train.TrainService;
import kcwb.training.train.TrainingListener;
import kcwb.training.train.TrainingSummary;

/**
 * Runs one training on the calling thread (the view model's training thread) and hands out a way to stop it.
 * Production: {@link TrainService}; view-model tests pass a scripted one.
 */
@FunctionalInterface
public interface TrainLauncher {
    /**
     * @param moreEpochs 0 to train or resume as the request says; N to continue {@code request.resumeFrom()} for N
     *     more epochs
     * @param onCancellable receives the action that stops the run within a step (leaving a resumable checkpoint)
     */
    TrainingSummary launch(TrainRequest request, int moreEpochs, TrainingListener listener,
            Consumer<Runnable> onCancellable) throws Exception;

    static TrainLauncher trainService() {
        return (request, moreEpochs, listener, onCancellable) -> {
            TrainService service = new TrainService();
            return moreEpochs > 0
                    ? service.continueRun(request, moreEpochs, List.of(listener), job -> onCancellable.accept(job::cancel))
                    : service.run(request, List.of(listener), job -> onCancellable.accept(job::cancel));
        };
    }
}
