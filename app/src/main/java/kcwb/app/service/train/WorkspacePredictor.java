package kcwb.app.service.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kcwb.storage.item.Item;
import kcwb.storage.run.Prediction;
import kcwb.storage.workspace.Workspace;
import kcwb.training.predict.PredictedLabel;
import kcwb.training.predict.TrainedModel;

/**
 * Predicts a project's items with a trained model folder a batch at a time and stores a {@link Prediction} per item
 * (entropy as the uncertainty: higher = less sure). Each batch reads and stores through short workspace calls, and
 * the model runs between them, so the GUI's workspace thread is never held for the whole run; after every stored
 * batch the progress hook may stop it (what was stored stays).
 */
public final class WorkspacePredictor {
    /** Which items are predicted. */
    public enum Scope { UNLABELED, ALL }

    /** Told after every stored batch; answering false stops the run. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> true;

        boolean stored(long done, long total);
    }

    /** How many predictions were stored out of how many items were in scope, and whether the run was stopped. */
    public record Outcome(long stored, long total, boolean cancelled) {}

    private final int batchSize;

    public WorkspacePredictor(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** {@code runId}: the run the model comes from, null for a model trained elsewhere. */
    public Outcome predict(Path modelDir, WorkspaceAccess access, long projectId, Scope scope, Long runId, Progress progress)
            throws IOException {
        String model = modelDir.toAbsolutePath().toString();
        try (TrainedModel trained = TrainedModel.open(modelDir)) {
            long total = access.call(workspace -> {
                requireProjectLabels(workspace, projectId, trained, modelDir);
                return scope == Scope.ALL ? workspace.items().count(projectId) : workspace.items().countUnlabeled(projectId);
            });
            long stored = 0;
            long afterId = 0;
            while (true) {
                long from = afterId;
                List<Item> page = access.call(workspace -> workspace.items().page(projectId, from, batchSize));
                if (page.isEmpty()) {
                    return new Outcome(stored, total, false);
                }
                afterId = page.getLast().id();
                List<Item> chunk = page.stream().filter(item -> scope == Scope.ALL || item.annotationCount() == 0).toList();
                if (chunk.isEmpty()) {
                    continue;
                }
                List<PredictedLabel> predictions = trained.predict(chunk.stream().map(Item::text).toList());
                List<Prediction> rows = new ArrayList<>(chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                    PredictedLabel p = predictions.get(i);
                    rows.add(new Prediction(0, runId, chunk.get(i).id(), model, p.label(),
                            EventJson.toJson(probabilities(trained, p)), p.entropy()));
                }
                access.call(workspace -> {
                    workspace.predictions().insertAll(rows);
                    return null;
                });
                stored += rows.size();
                if (!progress.stored(stored, Math.max(total, stored))) {
                    return new Outcome(stored, total, true);
                }
            }
        }
    }

    private static void requireProjectLabels(Workspace workspace, long projectId, TrainedModel model, Path modelDir) {
        List<String> names = workspace.labels().names(projectId);
        if (!names.containsAll(model.labels())) {
            throw new IllegalArgumentException(modelDir + ": the model's labels " + model.labels()
                    + " are not the project's " + names);
        }
    }

    static Map<String, Double> probabilities(TrainedModel model, PredictedLabel p) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < model.labels().size(); i++) {
            map.put(model.labels().get(i), p.probabilities()[i]);
        }
        return map;
    }
}
