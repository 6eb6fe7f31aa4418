package kcwb.training.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which checkpoint folders survive: the best {@code keepBest} by the chosen metric (earlier wins a tie)
 * plus the most recent one. Checkpoints saved without a metric only ever survive as the most recent.
 */
public final class CheckpointKeeper {
    private CheckpointKeeper() {}

    /** The checkpoints to keep after adding {@code latest} (which is always kept), in step order. */
    public static List<TrainingState.KeptCheckpoint> keep(List<TrainingState.KeptCheckpoint> kept,
            TrainingState.KeptCheckpoint latest, int keepBest, boolean greaterIsBetter) {
        List<TrainingState.KeptCheckpoint> all = new ArrayList<>(kept);
        all.removeIf(c -> c.step() == latest.step());
        all.add(latest);
        Comparator<TrainingState.KeptCheckpoint> byMetric = Comparator.comparingDouble(TrainingState.KeptCheckpoint::metric);
        Comparator<TrainingState.KeptCheckpoint> bestFirst = (greaterIsBetter ? byMetric.reversed() : byMetric)
                .thenComparingLong(TrainingState.KeptCheckpoint::step);
        List<TrainingState.KeptCheckpoint> best = all.stream().filter(c -> c.metric() != null).sorted(bestFirst)
                .limit(keepBest).toList();
        return all.stream().filter(c -> c == latest || best.contains(c))
                .sorted(Comparator.comparingLong(TrainingState.KeptCheckpoint::step)).toList();
    }

    /** The best kept checkpoint, or null when none has a metric. */
    public static TrainingState.KeptCheckpoint best(List<TrainingState.KeptCheckpoint> kept, boolean greaterIsBetter) {
        Comparator<TrainingState.KeptCheckpoint> byMetric = Comparator.comparingDouble(TrainingState.KeptCheckpoint::metric);
        return kept.stream().filter(c -> c.metric() != null)
                .min((greaterIsBetter ? byMetric.reversed() : byMetric).thenComparingLong(TrainingState.KeptCheckpoint::step))
                .orElse(null);
    }
}
