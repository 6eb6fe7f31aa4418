package kcwb.app.service;

import java.util.List;
import java.util.Optional;
import kcwb.storage.annotation.Annotation;
import kcwb.storage.annotation.AnnotationChange;
import kcwb.storage.item.Item;
import kcwb.storage.item.ItemSearch;
import kcwb.storage.label.Label;
import kcwb.storage.project.Project;
import kcwb.storage.run.Prediction;
import kcwb.storage.workspace.Workspace;

/**
 * What the labeling screen asks of a workspace, one call per keystroke. Runs on the {@link WorkspaceSession}
 * thread. Counts are kept as deltas (an item becoming labelled or unlabelled), so no keystroke pays for a
 * count over a million items.
 */
public final class LabelingService {
    /** The project being labelled, its labels and counts when it was opened. */
    public record ProjectInfo(Project project, List<Label> labels, long total, long unlabeled) {}

    /** One item as the annotator sees it: text, own labels and note, the others' labels, a prediction or null. */
    public record ItemState(Item item, List<String> myLabels, String myNote, List<Annotation> others, Prediction prediction) {}

    /** The item to show next (null: nothing left) and how the unlabeled count changed. */
    public record Step(ItemState state, long unlabeledDelta) {}

    private LabelingService() {}

    /** The workspace's first project (the one the labeling screen works on), if any. */
    public static Optional<ProjectInfo> firstProject(Workspace workspace) {
        return workspace.projects().list().stream().findFirst().map(project -> new ProjectInfo(project,
                workspace.labels().list(project.id()), workspace.items().count(project.id()),
                workspace.items().countUnlabeled(project.id())));
    }

    /** Project {@code projectId} when it exists, else the workspace's first project (null id: the first). */
    public static Optional<ProjectInfo> project(Workspace workspace, Long projectId) {
        Optional<Project> chosen = projectId == null ? Optional.empty() : workspace.projects().get(projectId);
        if (chosen.isEmpty()) {
            return firstProject(workspace);
        }
        Project project = chosen.get();
        return Optional.of(new ProjectInfo(project, workspace.labels().list(project.id()),
                workspace.items().count(project.id()), workspace.items().countUnlabeled(project.id())));
    }

    public static Optional<ItemState> state(Workspace workspace, long itemId, String annotator) {
        return workspace.items().get(itemId).map(item -> stateOf(workspace, item, annotator));
    }

    /** The first unlabeled item after {@code afterId}, wrapping around to the start; null state when none is left. */
    public static Step nextUnlabeled(Workspace workspace, long projectId, long afterId, String annotator) {
        Optional<Item> next = workspace.items().nextUnlabeled(projectId, afterId);
        if (next.isEmpty() && afterId > 0) {
            next = workspace.items().nextUnlabeled(projectId, 0);
        }
        return new Step(next.map(item -> stateOf(workspace, item, annotator)).orElse(null), 0);
    }

    /** Saves the annotator's labels and note; then shows the next unlabeled item or, without advance, the same one. */
    public static Step save(Workspace workspace, long projectId, long itemId, String annotator, List<String> labels,
            String note, boolean advance) {
        int before = workspace.items().get(itemId).map(Item::annotationCount).orElse(0);
        workspace.annotations().save(itemId, annotator, labels, note == null || note.isBlank() ? null : note.strip());
        int after = workspace.items().get(itemId).map(Item::annotationCount).orElse(0);
        long delta = countDelta(before, after);
        if (!advance) {
            return new Step(state(workspace, itemId, annotator).orElse(null), delta);
        }
        return new Step(nextUnlabeled(workspace, projectId, itemId, annotator).state(), delta);
    }

    /** Undoes ({@code undo}) or redoes the annotator's latest change and shows that item; empty when nothing to do. */
    public static Optional<Step> undoOrRedo(Workspace workspace, long projectId, String annotator, boolean undo) {
        Optional<AnnotationChange> change = undo ? workspace.annotations().undo(projectId, annotator)
                : workspace.annotations().redo(projectId, annotator);
        return change.map(applied -> {
            int after = workspace.items().get(applied.itemId()).map(Item::annotationCount).orElse(0);
            int before = after - (applied.after() == null ? 0 : 1) + (applied.before() == null ? 0 : 1);
            return new Step(state(workspace, applied.itemId(), annotator).orElse(null), countDelta(before, after));
        });
    }

    /** The item before or after {@code itemId} in id order, labelled or not. */
    public static Optional<ItemState> neighbour(Workspace workspace, long projectId, long itemId, String annotator,
            boolean forward) {
        ItemSearch search = new ItemSearch(workspace);
        Optional<Item> item = forward ? search.next(projectId, itemId) : search.previous(projectId, itemId);
        return item.map(found -> stateOf(workspace, found, annotator));
    }

    private static long countDelta(int before, int after) {
        if (before == 0 && after > 0) {
            return -1;
        }
        return before > 0 && after == 0 ? 1 : 0;
    }

    private static ItemState stateOf(Workspace workspace, Item item, String annotator) {
        List<Annotation> annotations = item.annotationCount() == 0 ? List.of() : workspace.annotations().forItem(item.id());
        Optional<Annotation> mine = annotations.stream().filter(a -> a.annotator().equals(annotator)).findFirst();
        List<Annotation> others = annotations.stream().filter(a -> !a.annotator().equals(annotator)).toList();
        List<Prediction> predictions = workspace.predictions().forItem(item.id());
        return new ItemState(item, mine.map(Annotation::labels).orElse(List.of()), mine.map(Annotation::note).orElse(null),
                others, predictions.isEmpty() ? null : predictions.getLast());
    }
}
