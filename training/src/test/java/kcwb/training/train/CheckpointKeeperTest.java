package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Best-k-plus-last retention and the early-stopping counter. */
class CheckpointKeeperTest {
    private static TrainingState.KeptCheckpoint cp(long step, Double metric) {
        return new TrainingState.KeptCheckpoint(step, "checkpoint-" + step, metric);
    }

    @Test
    void keepsTheBestKAndTheLatest() {
        List<TrainingState.KeptCheckpoint> kept = new ArrayList<>();
        double[] metrics = {0.5, 0.9, 0.7, 0.6, 0.8};
        for (int i = 0; i < metrics.length; i++) {
            kept = CheckpointKeeper.keep(kept, cp(i + 1, metrics[i]), 2, true);
        }
        assertEquals(List.of(2L, 5L), kept.stream().map(TrainingState.KeptCheckpoint::step).toList(),
                "best two are 0.9 (step 2) and 0.8 (step 5, also latest)");
        kept = CheckpointKeeper.keep(kept, cp(6, null), 2, true);
        assertEquals(List.of(2L, 5L, 6L), kept.stream().map(TrainingState.KeptCheckpoint::step).toList());
        assertEquals(2L, CheckpointKeeper.best(kept, true).step());
    }

    @Test
    void lowerIsBetterForLoss() {
        List<TrainingState.KeptCheckpoint> kept = new ArrayList<>();
        kept = CheckpointKeeper.keep(kept, cp(1, 0.3), 1, false);
        kept = CheckpointKeeper.keep(kept, cp(2, 0.2), 1, false);
        kept = CheckpointKeeper.keep(kept, cp(3, 0.4), 1, false);
        assertEquals(List.of(2L, 3L), kept.stream().map(TrainingState.KeptCheckpoint::step).toList());
    }

    @Test
    void earlyStoppingCountsEvaluationsWithoutASignificantGain() {
        BestMetricTracker t = BestMetricTracker.EMPTY.observe(0.50, 1, true, 0.01);
        assertTrue(t.improvedAt(1));
        t = t.observe(0.505, 2, true, 0.01);   // better but below min delta: new best, counter 1
        assertEquals(0.505, t.best());
        assertEquals(1, t.evalsWithoutImprovement());
        assertFalse(t.shouldStop(2));
        t = t.observe(0.40, 3, true, 0.01);
        assertTrue(t.shouldStop(2));
        assertFalse(t.shouldStop(0), "patience 0 disables early stopping");
        assertEquals(0, t.observe(0.6, 4, true, 0.01).evalsWithoutImprovement());
    }
}
