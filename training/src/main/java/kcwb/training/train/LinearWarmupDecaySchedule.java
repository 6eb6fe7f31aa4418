package kcwb.training.train;

/**
 * transformers' {@code get_linear_schedule_with_warmup}: the factor rises linearly from 0 to 1 over the
 * warmup steps, then falls linearly to 0 at the last step. {@code step} counts optimiser steps already
 * taken, so the first update uses {@code learningRate(0)} (which is 0 when there is warmup, as in HF).
 */
public record LinearWarmupDecaySchedule(double baseLearningRate, int warmupSteps, int totalSteps) {
    public LinearWarmupDecaySchedule {
        if (warmupSteps < 0 || totalSteps < 0) {
            throw new IllegalArgumentException("warmup and total steps must be ≥ 0: " + warmupSteps + ", " + totalSteps);
        }
    }

    public double learningRate(long step) {
        return baseLearningRate * factor(step);
    }

    private double factor(long step) {
        if (step < warmupSteps) {
            return (double) step / Math.max(1, warmupSteps);
        }
        return Math.max(0.0, (double) (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
    }
}
