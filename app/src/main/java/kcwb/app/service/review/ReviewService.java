package kcwb.app.service.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import kcwb.storage.annotation.Annotation;
import kcwb.storage.annotation.AnnotationChange;
import kcwb.storage.item.ItemRow;
import kcwb.storage.item.ItemSearch;
import kcwb.storage.run.Prediction;
import kcwb.storage.run.Run;
import kcwb.storage.workspace.Workspace;

/**
 * The predict → review loop on a workspace (call on the workspace's thread; the checkpoints to predict with come
 * from {@link kcwb.app.service.checkpoints.CheckpointChooser}): the queue of predicted items (most uncertain first), and bulk-accepting confident predictions as annotations — one
 * transaction, a note naming the model, never over an existing label, undoable as a whole.
 */
public final class ReviewService {
    /** Every accepted annotation's note starts with this (the history then shows it came from a model). */
    public static final String NOTE_PREFIX = "accepted prediction of ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewService() {}

    /** Every item with a prediction (its latest), most uncertain first. */
    public static List<ReviewRow> queue(Workspace workspace, long projectId) {
        List<Prediction> predictions = workspace.predictions().latestPerItem(projectId);
        long[] ids = predictions.stream().mapToLong(Prediction::itemId).toArray();
        List<ReviewRow> rows = new ArrayList<>(ids.length);
        for (ItemRow row : new ItemSearch(workspace).rows(ids)) {
            Prediction p = row.prediction();
            List<String> predicted = p.label() == null || p.label().isEmpty() ? List.of() : List.of(p.label().split(","));
            Set<String> current = new java.util.LinkedHashSet<>();
            row.annotations().forEach(a -> current.addAll(a.labels()));
            rows.add(new ReviewRow(row.item().id(), row.item().text(), predicted, confidence(p.probabilitiesJson(), predicted),
                    p.uncertainty(), List.copyOf(current), p.model(), p.runId()));
        }
        return rows;
    }

    /** The probability of the least sure predicted label; 0 when there is none or the JSON does not say. */
    static double confidence(String probabilitiesJson, List<String> predicted) {
        if (predicted.isEmpty()) {
            return 0;
        }
        try {
            JsonNode probabilities = JSON.readTree(probabilitiesJson);
            double least = 1;
            for (String label : predicted) {
                JsonNode value = probabilities == null ? null : probabilities.get(label);
                if (value == null || !value.isNumber()) {
                    return 0;
                }
                least = Math.min(least, value.asDouble());
            }
            return least;
        } catch (Exception e) {
            return 0;
        }
    }

    /** The unlabelled items of {@code queue} whose prediction is at least {@code minConfidence} sure. */
    public static AcceptPlan planAccept(Workspace workspace, List<ReviewRow> queue, double minConfidence) {
        Map<Long, String> runNames = new HashMap<>();
        List<AcceptPlan.Entry> entries = new ArrayList<>();
        for (ReviewRow row : queue) {
            if (row.currentLabels().isEmpty() && !row.predicted().isEmpty() && row.confidence() >= minConfidence) {
                entries.add(new AcceptPlan.Entry(row.itemId(), row.predicted(), note(workspace, row, runNames)));
            }
        }
        return new AcceptPlan(minConfidence, entries);
    }

    private static String note(Workspace workspace, ReviewRow row, Map<Long, String> runNames) {
        Path model = Path.of(row.model());
        String folder = model.getFileName() == null ? row.model() : model.getFileName().toString();
        if (row.runId() == null) {
            return NOTE_PREFIX + row.model();
        }
        String run = runNames.computeIfAbsent(row.runId(), id -> workspace.runs().get(id).map(Run::name).orElse("run " + id));
        return NOTE_PREFIX + run + " / " + folder;
    }

    /**
     * Writes the plan as {@code annotator}'s annotations in one transaction, skipping any item that has a label by
     * anyone by now (a human label is never overwritten).
     */
    public static AcceptReport accept(Workspace workspace, String annotator, AcceptPlan plan) {
        return workspace.inTransaction(() -> {
            List<Long> written = new ArrayList<>();
            Map<String, Integer> perLabel = new TreeMap<>();
            int skipped = 0;
            for (AcceptPlan.Entry entry : plan.entries()) {
                List<Annotation> existing = workspace.annotations().forItem(entry.itemId());
                if (!existing.isEmpty()) {
                    skipped++;
                    continue;
                }
                workspace.annotations().save(entry.itemId(), annotator, entry.labels(), entry.note());
                written.add(entry.itemId());
                perLabel.merge(String.join(",", entry.labels()), 1, Integer::sum);
            }
            return new AcceptReport(annotator, written, perLabel, skipped);
        });
    }

    /**
     * Reverts a bulk accept with the history's undo, in one transaction: the annotator's latest edits must be exactly
     * the accepted ones (else nothing changes and the error says so: undo those in the labeling view instead).
     */
    public static int undoAccept(Workspace workspace, long projectId, AcceptReport report) {
        return workspace.inTransaction(() -> {
            Set<Long> pending = new HashSet<>(report.written());
            while (!pending.isEmpty()) {
                Optional<AnnotationChange> undone = workspace.annotations().undo(projectId, report.annotator());
                // the undo row reverts an accept when it puts back "no label" over a note of ours
                if (undone.isEmpty() || undone.get().after() != null || undone.get().beforeNote() == null
                        || !undone.get().beforeNote().startsWith(NOTE_PREFIX) || !pending.remove(undone.get().itemId())) {
                    throw new IllegalStateException(workspace.file() + ": " + report.annotator()
                            + " changed labels after the bulk accept; undo those edits first");
                }
            }
            return report.written().size();
        });
    }
}
