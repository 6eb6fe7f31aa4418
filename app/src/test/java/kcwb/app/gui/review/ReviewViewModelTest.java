package kcwb.app.gui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.review.AcceptPlan;
import kcwb.app.service.review.ReviewRow;
import kcwb.app.service.review.ReviewService;
import kcwb.app.service.train.TrainedWorkspace;
import kcwb.app.service.train.WorkspacePredictor;
import kcwb.storage.annotation.Annotation;
import kcwb.storage.annotation.AnnotationChange;
import kcwb.storage.project.Project;
import kcwb.storage.run.Prediction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Predict → queue → bulk accept → undo on a copy of a workspace with a REAL tiny checkpoint (TrainedWorkspace). */
class ReviewViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private WorkspaceSession session;
    private DirectTaskRunner runner;
    private ReviewViewModel viewModel;

    @BeforeEach
    void open() {
        session = new WorkspaceSession();
        session.open(TrainedWorkspace.copyInto(dir));
        runner = new DirectTaskRunner();
        viewModel = new ReviewViewModel(I18n.of(Locale.ENGLISH), runner, session, new SimpleStringProperty("reviewer"),
                new SimpleObjectProperty<Project>(), 8);
        viewModel.load();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void loadPreselectsTheBestCheckpointOfTheProjectsRun() {
        assertNotNull(viewModel.modelProperty().get());
        assertTrue(viewModel.modelProperty().get().best());
        assertTrue(viewModel.models().size() >= 2, viewModel.models().toString()); // eval every 2 of 4 steps
        assertTrue(viewModel.queue().isEmpty());
    }

    @Test
    void aCheckpointWhoseFolderWasDeletedIsLeftOutAndTheMessageSaysSo() {
        Path preselected = viewModel.modelProperty().get().dir();
        int listed = viewModel.models().size();
        session.call(workspace -> { // a newer finished run whose best checkpoint folder was deleted since
            long project = workspace.projects().require("news").id();
            long run = workspace.runs().start(project, "deleted-run", "{}", "sha", dir.resolve("gone").toString()).id();
            workspace.runs().addCheckpoint(run, dir.resolve("gone/checkpoint-8").toString(), 8, "{}", true);
            workspace.runs().finish(run, kcwb.storage.run.RunState.FINISHED, null);
            return null;
        });
        viewModel.load();
        assertEquals(listed, viewModel.models().size(), viewModel.models().toString());
        assertTrue(viewModel.models().stream().noneMatch(m -> m.dir().endsWith("checkpoint-8")));
        assertEquals(preselected, viewModel.modelProperty().get().dir(), "the older run's best stays preselected");
        assertEquals("Not offered: 1 checkpoint(s) whose folder was deleted (deleted-run / checkpoint-8).",
                viewModel.messageProperty().get());
    }

    @Test
    void theQueueListsEveryPredictedItemMostUncertainFirst() throws Exception {
        viewModel.scopeProperty().set(WorkspacePredictor.Scope.ALL);
        viewModel.predict();

        List<ReviewRow> queue = List.copyOf(viewModel.queue());
        assertEquals(TrainedWorkspace.LABELLED + TrainedWorkspace.UNLABELLED, queue.size(), viewModel.messageProperty().get());
        Map<Long, Prediction> stored = storedPredictions();
        for (int i = 0; i < queue.size(); i++) {
            ReviewRow row = queue.get(i);
            Prediction prediction = stored.get(row.itemId());
            double entropy = entropy(prediction.probabilitiesJson());
            assertEquals(entropy, row.uncertainty(), 1e-6, "uncertainty is the entropy of the stored probabilities");
            assertEquals(JSON.readTree(prediction.probabilitiesJson()).get(prediction.label()).asDouble(), row.confidence(), 1e-9);
            if (i > 0) {
                assertTrue(queue.get(i - 1).uncertainty() >= row.uncertainty(), "row " + i + " is more uncertain than " + (i - 1));
            }
        }
        assertEquals(TrainedWorkspace.LABELLED, queue.stream().filter(row -> !row.currentLabels().isEmpty()).count());

        String label = viewModel.predictedLabels().getFirst();
        viewModel.labelFilterProperty().set(label);
        assertEquals(queue.stream().filter(row -> row.predictedText().equals(label)).toList(), viewModel.visibleRows());
    }

    @Test
    void bulkAcceptWritesOnlyUnlabelledConfidentItemsInOneGoAndUndoRevertsThem() throws Exception {
        viewModel.scopeProperty().set(WorkspacePredictor.Scope.ALL);
        viewModel.predict();
        Map<Long, List<Annotation>> humanBefore = humanLabels();
        List<ReviewRow> unlabelled = viewModel.queue().stream().filter(row -> row.currentLabels().isEmpty()).toList();
        double median = unlabelled.stream().mapToDouble(ReviewRow::confidence).sorted().toArray()[unlabelled.size() / 2];
        List<ReviewRow> expected = unlabelled.stream().filter(row -> row.confidence() >= median).toList();
        Map<String, Integer> expectedPerLabel = new TreeMap<>();
        expected.forEach(row -> expectedPerLabel.merge(row.predictedText(), 1, Integer::sum));

        viewModel.minConfidenceProperty().set(median);
        assertTrue(viewModel.acceptPreviewProperty().get().startsWith(expected.size() + " unlabelled items: "),
                viewModel.acceptPreviewProperty().get());
        viewModel.planAccept();
        AcceptPlan plan = viewModel.pendingPlanProperty().get();
        assertEquals(expected.size(), plan.count());
        assertEquals(expectedPerLabel, plan.perLabel());
        viewModel.confirmAccept();

        assertEquals(expected.size(), viewModel.lastAcceptProperty().get().written().size());
        assertTrue(viewModel.messageProperty().get().startsWith("Accepted " + expected.size() + " predictions"),
                viewModel.messageProperty().get());
        session.call(workspace -> {
            for (ReviewRow row : expected) {
                Annotation accepted = workspace.annotations().find(row.itemId(), "reviewer").orElseThrow();
                assertEquals(row.predicted(), accepted.labels());
                List<AnnotationChange> history = workspace.annotations().history(row.itemId());
                assertEquals(1, history.size());
                assertEquals(AnnotationChange.Kind.EDIT, history.getFirst().kind());
                assertTrue(history.getFirst().afterNote().startsWith(ReviewService.NOTE_PREFIX), history.getFirst().afterNote());
                assertTrue(history.getFirst().afterNote().contains("checkpoint-"), history.getFirst().afterNote());
            }
            long others = unlabelled.size() - expected.size();
            assertEquals(others, unlabelled.stream().filter(row -> workspace.annotations().forItem(row.itemId()).isEmpty()).count());
            return null;
        });
        assertEquals(humanBefore, humanLabels(), "human labels are untouched");
        assertEquals(unlabelled.size() - expected.size(),
                viewModel.queue().stream().filter(row -> row.currentLabels().isEmpty()).count(), "the queue was reloaded");

        viewModel.undoAccept();
        assertNull(viewModel.lastAcceptProperty().get(), viewModel.messageProperty().get());
        assertEquals("Undid the accept of " + expected.size() + " predictions.", viewModel.messageProperty().get());
        session.call(workspace -> {
            for (ReviewRow row : expected) {
                assertTrue(workspace.annotations().forItem(row.itemId()).isEmpty());
                assertEquals(AnnotationChange.Kind.UNDO, workspace.annotations().history(row.itemId()).getLast().kind());
            }
            return null;
        });
        assertEquals(humanBefore, humanLabels());
    }

    @Test
    void anItemLabelledAfterThePlanIsSkippedAndKeepsItsHumanLabel() {
        viewModel.predict(); // unlabelled only
        assertEquals(TrainedWorkspace.UNLABELLED, viewModel.queue().size());
        viewModel.minConfidenceProperty().set(0);
        viewModel.planAccept();
        assertEquals(TrainedWorkspace.UNLABELLED, viewModel.pendingPlanProperty().get().count());
        long labelledMeanwhile = viewModel.queue().getFirst().itemId();
        session.call(workspace -> {
            workspace.annotations().save(labelledMeanwhile, "human", List.of("neutral"), null);
            return null;
        });

        viewModel.confirmAccept();

        assertEquals(TrainedWorkspace.UNLABELLED - 1, viewModel.lastAcceptProperty().get().written().size());
        assertEquals(1, viewModel.lastAcceptProperty().get().skippedLabelled());
        List<Annotation> kept = session.call(workspace -> workspace.annotations().forItem(labelledMeanwhile));
        assertEquals(List.of(new Annotation(labelledMeanwhile, "human", List.of("neutral"), null, kept.getFirst().updatedAt())), kept);
    }

    @Test
    void undoIsRefusedWhenTheAnnotatorChangedLabelsAfterTheAccept() {
        viewModel.predict();
        viewModel.minConfidenceProperty().set(0);
        viewModel.planAccept();
        viewModel.confirmAccept();
        long relabelled = viewModel.lastAcceptProperty().get().written().getFirst();
        session.call(workspace -> {
            workspace.annotations().save(relabelled, "reviewer", List.of("praise"), null);
            return null;
        });

        viewModel.undoAccept();

        assertTrue(viewModel.messageProperty().get().contains("changed labels after the bulk accept"),
                viewModel.messageProperty().get());
        assertNotNull(viewModel.lastAcceptProperty().get());
        long stillAccepted = session.call(workspace -> viewModel.lastAcceptProperty().get().written().stream()
                .filter(id -> !workspace.annotations().forItem(id).isEmpty()).count());
        assertEquals(TrainedWorkspace.UNLABELLED, stillAccepted, "nothing was undone");
    }

    @Test
    void cancelStopsPredictingAfterTheCurrentBatch() {
        runner.cancelNextTasks(true);
        viewModel.scopeProperty().set(WorkspacePredictor.Scope.ALL);
        viewModel.predict();
        runner.cancelNextTasks(false);

        assertEquals("Prediction stopped; what was predicted so far is kept.", viewModel.messageProperty().get());
        assertTrue(!viewModel.predictingProperty().get());
        assertEquals(8, (int) session.call(workspace -> workspace.predictions().latestPerItem(
                workspace.projects().require("news").id()).size()));
    }

    private Map<Long, Prediction> storedPredictions() {
        return session.call(workspace -> {
            Map<Long, Prediction> byItem = new HashMap<>();
            workspace.predictions().latestPerItem(workspace.projects().require("news").id())
                    .forEach(p -> byItem.put(p.itemId(), p));
            return byItem;
        });
    }

    private Map<Long, List<Annotation>> humanLabels() {
        return session.call(workspace -> {
            Map<Long, List<Annotation>> labels = new TreeMap<>();
            long project = workspace.projects().require("news").id();
            for (var item : workspace.items().page(project, 0, 1000)) {
                List<Annotation> human = workspace.annotations().forItem(item.id()).stream()
                        .filter(a -> !a.annotator().equals("reviewer")).toList();
                if (!human.isEmpty()) {
                    labels.put(item.id(), human);
                }
            }
            return labels;
        });
    }

    private static double entropy(String probabilitiesJson) throws Exception {
        double entropy = 0;
        for (JsonNode p : JSON.readTree(probabilitiesJson)) {
            entropy -= p.asDouble() > 0 ? p.asDouble() * Math.log(p.asDouble()) : 0;
        }
        return entropy;
    }
}
