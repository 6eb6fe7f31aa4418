package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Validation names every bad field at once; derived step counts follow HF Trainer. */
class TrainingConfigTest {
    @Test
    void everyInvalidFieldIsNamedInOneMessage() {
        var e = assertThrows(InvalidTrainingConfigException.class, () -> TrainingConfig.builder()
                .optLearningRate(0).optBatchSize(0).optEpochs(0).optWarmupRatio(1.0).optMaxLength(4)
                .optGradientAccumulationSteps(0).optMetricForBest("bleu", true).build());
        assertEquals(7, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("learning rate must be > 0, got 0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("max length must be in [8, 512] tokens, got 4"), e.getMessage());
        assertTrue(e.getMessage().contains("metric for best must be one of"), e.getMessage());
    }

    @Test
    void nanLearningRateIsRejected() {
        assertThrows(InvalidTrainingConfigException.class, () -> TrainingConfig.builder().optLearningRate(Double.NaN).build());
    }

    @Test
    void maxStepsReplacesEpochs() {
        TrainingConfig c = TrainingConfig.builder().optEpochs(0).optMaxSteps(100).build();
        assertEquals(100, c.totalOptimizerSteps(10_000));
    }

    @Test
    void stepCountsAndWarmupFollowTheTrainer() {
        TrainingConfig c = TrainingConfig.builder().optBatchSize(8).optGradientAccumulationSteps(3).optEpochs(2)
                .optWarmupRatio(0.1).build();
        // 100 rows → 13 batches → ceil(13 / 3) = 5 optimiser steps per epoch; warmup ceil(10 × 0.1) = 1
        assertEquals(5, c.optimizerStepsPerEpoch(100));
        assertEquals(10, c.totalOptimizerSteps(100));
        assertEquals(1, c.warmupStepsFor(10));
        assertEquals(4, c.toBuilder().optWarmupSteps(4).build().warmupStepsFor(10), "explicit steps win");
    }

    @Test
    void presetsAreValidAndNamed() {
        assertEquals(50, TrainingPresets.nsmc().maxLength());
        assertEquals(64, TrainingPresets.nsmc().batchSize());
        assertEquals(5e-5, TrainingPresets.nsmc().learningRate());
        assertEquals(TrainingPresets.quick(), TrainingPresets.named("quick"));
        assertTrue(TrainingPresets.names().contains("paws"));
        assertThrows(IllegalArgumentException.class, () -> TrainingPresets.named("nope"));
    }
}
