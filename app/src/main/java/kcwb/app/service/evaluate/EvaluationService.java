package kcwb.app.service.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import kcwb.app.service.WorkspaceSession;
import kcwb.training.predict.TrainedModel;

/**
 * One evaluation from the GUI: reads the split in the workspace session, runs the model off the session thread
 * (other views keep using the workspace meanwhile), then stores the result as the new "previous" evaluation
 * and hands back the one it replaces, for the deltas.
 */
public final class EvaluationService {
    /** The split seed {@code kcwb train} uses without --seed; for models without provenance. */
    public static final long DEFAULT_SPLIT_SEED = 42;

    /** The evaluation, its snapshot and the previous evaluation of the same project and split (or null). */
    public record Outcome(ItemEvaluation evaluation, EvaluationSnapshot current, EvaluationSnapshot previous) {
        public Optional<MetricDeltas> deltas() {
            return previous == null ? Optional.empty() : Optional.of(MetricDeltas.between(current, previous));
        }
    }

    private EvaluationService() {}

    public static Outcome evaluate(WorkspaceSession session, long projectId, Path modelDir, EvaluationSplit split,
            EvaluationProgress progress) throws IOException {
        try (TrainedModel model = TrainedModel.open(modelDir)) {
            long seed = splitSeed(model);
            record Loaded(EvaluationSet set, EvaluationSnapshot previous) {}
            Loaded loaded = session.call(workspace -> new Loaded(EvaluationSetLoader.load(workspace, projectId, split, seed),
                    EvaluationHistory.last(workspace, projectId, split).orElse(null)));
            ItemEvaluation evaluation = ItemEvaluator.evaluate(model, loaded.set(), progress);
            EvaluationSnapshot current = EvaluationSnapshot.of(evaluation, Instant.now());
            session.call(workspace -> {
                EvaluationHistory.save(workspace, projectId, split, current);
                return null;
            });
            return new Outcome(evaluation, current, loaded.previous());
        }
    }

    /** The seed of the holdout the model's run made (so "dev" is its dev set), else the CLI's default. */
    static long splitSeed(TrainedModel model) {
        Long seed = model.provenance() == null ? null : model.provenance().dataset().splitSeed();
        return seed == null ? DEFAULT_SPLIT_SEED : seed;
    }
}
