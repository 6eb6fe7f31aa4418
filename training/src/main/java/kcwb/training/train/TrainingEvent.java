package kcwb.training.train;

import java.nio.file.Path;
import kcwb.training.eval.Evaluation;

/** What the engine reports while it runs, in order: Started, then Step/Eval/CheckpointSaved, then one ending. */
public sealed interface TrainingEvent {
    /** The run began (or resumed at {@code resumedFromStep}) on {@code device} ("cpu()" or "gpu(0)"). */
    record Started(String device, int threads, int trainExamples, int devExamples, int stepsPerEpoch,
            int totalSteps, long resumedFromStep, TrainingConfig config) implements TrainingEvent {}

    /**
     * Every {@code loggingSteps} optimiser steps: the mean micro-batch loss since the last one. {@code epoch}
     * is progress in epochs as HF logs it (1.5 = halfway through the second epoch).
     */
    record Step(long step, double epoch, double loss, double learningRate, double gradNorm, double samplesPerSecond,
            double etaSeconds) implements TrainingEvent {}

    record Eval(long step, double epoch, Evaluation metrics) implements TrainingEvent {}

    /** {@code metrics} is null for a checkpoint saved on cancel; {@code best} when it is the best so far. */
    record CheckpointSaved(long step, Path path, Evaluation metrics, boolean best) implements TrainingEvent {}

    record Finished(TrainingSummary summary) implements TrainingEvent {}

    record Failed(String message, Throwable error) implements TrainingEvent {}

    /** Stopped on request; {@code checkpoint} resumes it. */
    record Cancelled(long step, Path checkpoint) implements TrainingEvent {}
}
