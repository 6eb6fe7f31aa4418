package kcwb.app.service.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.train.TrainingFixtures;
import kcwb.storage.item.NewItem;
import kcwb.storage.item.Split;
import kcwb.storage.project.Project;
import kcwb.storage.run.Run;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import kcwb.training.eval.Evaluation;
import kcwb.training.predict.PredictedLabel;
import kcwb.training.predict.TrainedModel;
import kcwb.training.train.LabeledExample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A REAL tiny checkpoint (trained once for the class) evaluated on the workspace it was trained from. */
class ItemEvaluatorTest {
    @TempDir
    static Path dir;
    static Path workspace;
    static Path checkpoint;
    static long projectId;
    static TrainedModel model;

    @BeforeAll
    static void trainTinyModel() throws IOException {
        workspace = TrainingFixtures.workspaceWithComments(dir);
        checkpoint = TrainingFixtures.trainTiny(workspace, dir.resolve("run"), 4).lastCheckpoint();
        try (Workspace ws = WorkspaceStore.open(workspace)) {
            projectId = ws.projects().require(TrainingFixtures.PROJECT).id();
        }
        model = TrainedModel.open(checkpoint);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    private static EvaluationSet load(EvaluationSplit split) {
        try (Workspace ws = WorkspaceStore.open(workspace)) {
            return EvaluationSetLoader.load(ws, projectId, split, EvaluationService.DEFAULT_SPLIT_SEED);
        }
    }

    @Test
    void devIsTheRunsDevSetAndTheMetricsMatchTheModelsOwnEvaluation() throws IOException {
        EvaluationSet dev = load(EvaluationSplit.DEV);
        int devRows = TrainingFixtures.lines("/kcwb/app/train/dev.tsv").size() - 1;
        assertEquals(devRows, dev.items().size());
        try (Workspace ws = WorkspaceStore.open(workspace)) {
            Run run = ws.runs().list(projectId).getFirst();
            String started = ws.runs().events(run.id()).getFirst().metricsJson();
            assertTrue(started.contains("\"dev_examples\":" + devRows), started);
            dev.items().forEach(i -> assertEquals(Split.DEV, ws.items().get(i.itemId()).orElseThrow().split()));
        }

        ItemEvaluation evaluation = ItemEvaluator.evaluate(model, dev, EvaluationProgress.NONE);
        List<LabeledExample> examples = dev.items().stream().map(i -> LabeledExample.of(Long.toString(i.itemId()), i.text(),
                model.labels().indexOf(i.gold().getFirst()))).toList();
        Evaluation reference = model.evaluate(examples);
        Evaluation ours = evaluation.metrics();
        assertEquals(reference.examples(), ours.examples());
        assertEquals(reference.accuracy(), ours.accuracy(), 1e-12);
        assertEquals(reference.macroF1(), ours.macroF1(), 1e-12);
        assertEquals(reference.microF1(), ours.microF1(), 1e-12);
        assertEquals(reference.loss(), ours.loss(), 1e-4);
        assertArrayEquals(reference.confusion(), ours.confusion());
    }

    @Test
    void confusionCountsEqualAnIndependentCountOfThePredictions() {
        EvaluationSet all = load(EvaluationSplit.ALL);
        ItemEvaluation evaluation = ItemEvaluator.evaluate(model, all, EvaluationProgress.NONE);
        List<String> labels = model.labels();
        List<PredictedLabel> predictions = model.predict(all.items().stream().map(EvaluationItem::text).toList());
        long[][] counted = new long[labels.size()][labels.size()];
        for (int i = 0; i < predictions.size(); i++) {
            counted[labels.indexOf(all.items().get(i).gold().getFirst())][labels.indexOf(predictions.get(i).label())]++;
        }
        assertArrayEquals(counted, evaluation.metrics().confusion());
        assertEquals(all.items().size(), evaluation.items().size());
        for (int g = 0; g < labels.size(); g++) {
            for (int p = 0; p < labels.size(); p++) {
                List<ItemResult> cell = evaluation.cell(g, p);
                assertEquals(counted[g][p], cell.size(), labels.get(g) + " → " + labels.get(p));
                String gold = labels.get(g);
                String predicted = labels.get(p);
                cell.forEach(r -> assertEquals(List.of(gold, predicted), List.of(r.gold().getFirst(), r.predicted().getFirst())));
            }
        }
    }

    @Test
    void misclassifiedAreExactlyTheWrongOnesMostConfidentFirst() {
        ItemEvaluation evaluation = ItemEvaluator.evaluate(model, load(EvaluationSplit.ALL), EvaluationProgress.NONE);
        List<ItemResult> errors = evaluation.misclassified();
        long wrong = evaluation.items().stream().filter(r -> !r.gold().equals(r.predicted())).count();
        assertEquals(wrong, errors.size());
        assertEquals(Math.round((1 - evaluation.metrics().accuracy()) * evaluation.items().size()), errors.size());
        assertFalse(errors.isEmpty(), "a 4-step tiny model makes errors on 56 comments");
        for (int i = 1; i < errors.size(); i++) {
            assertTrue(errors.get(i - 1).confidence() >= errors.get(i).confidence(), "sorted at " + i);
        }
        for (ItemResult r : errors) {
            assertEquals(r.probabilities()[model.labels().indexOf(r.predicted().getFirst())], r.confidence(), 1e-12);
        }
    }

    @Test
    void cancellingStopsBeforeTheNextChunk() {
        EvaluationSet all = load(EvaluationSplit.ALL);
        assertThrows(CancellationException.class, () -> ItemEvaluator.evaluate(model, all, new EvaluationProgress() {
            @Override
            public void update(long done, long total) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        }));
    }

    @Test
    void relabellingAnErrorShowsAsADeltaAgainstThePersistedPreviousEvaluation() throws IOException {
        Path copy = dir.resolve("relabel.kcwb");
        java.nio.file.Files.copy(workspace, copy);
        try (WorkspaceSession session = new WorkspaceSession()) {
            session.open(copy);
            EvaluationService.Outcome first = EvaluationService.evaluate(session, projectId, checkpoint, EvaluationSplit.DEV,
                    EvaluationProgress.NONE);
            assertEquals(null, first.previous());
            assertTrue(first.deltas().isEmpty());
            ItemResult error = first.evaluation().misclassified().getFirst();
            session.call(ws -> {
                ws.annotations().save(error.itemId(), "tester", error.predicted(), null); // the fix: gold = what it predicted
                return null;
            });
        }
        try (WorkspaceSession session = new WorkspaceSession()) { // a new session: the previous result was persisted
            session.open(copy);
            EvaluationSnapshot before = session.call(ws -> EvaluationHistory.last(ws, projectId, EvaluationSplit.DEV).orElseThrow());
            EvaluationService.Outcome second = EvaluationService.evaluate(session, projectId, checkpoint, EvaluationSplit.DEV,
                    EvaluationProgress.NONE);
            assertEquals(before, second.previous());
            MetricDeltas deltas = second.deltas().orElseThrow();
            int n = second.evaluation().items().size();
            assertEquals(1.0 / n, deltas.accuracy(), 1e-9, "one error fixed");
            assertEquals(second.current().accuracy() - before.accuracy(), deltas.accuracy(), 1e-12);
            assertEquals(second.current().macroF1() - before.macroF1(), deltas.macroF1(), 1e-12);
            for (String label : model.labels()) {
                assertEquals(second.current().f1().get(label) - before.f1().get(label), deltas.f1().get(label), 1e-12);
            }
            session.call(ws -> {
                ws.setMeta(EvaluationHistory.key(projectId, EvaluationSplit.DEV), "{not json");
                assertTrue(EvaluationHistory.last(ws, projectId, EvaluationSplit.DEV).isEmpty(), "unreadable = no previous");
                return null;
            });
        }
    }

    @Test
    void itemsWithALabelTheModelLacksAreLeftOutAndCounted() throws IOException {
        Path copy = dir.resolve("newlabel.kcwb");
        java.nio.file.Files.copy(workspace, copy);
        try (Workspace ws = WorkspaceStore.open(copy)) {
            Project project = ws.projects().require(TrainingFixtures.PROJECT);
            ws.labels().add(project.id(), "spam");
            long id = ws.items().insert(project.id(), new NewItem("광고 클릭하세요", null, null, null, Split.TEST, null));
            ws.annotations().save(id, "tester", List.of("spam"), null);
            EvaluationSet test = EvaluationSetLoader.load(ws, project.id(), EvaluationSplit.TEST, 42);
            assertEquals(1, test.items().size());
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                    () -> ItemEvaluator.evaluate(model, test, EvaluationProgress.NONE));
            assertTrue(none.getMessage().contains("spam"), none.getMessage());
            ItemEvaluation all = ItemEvaluator.evaluate(model, EvaluationSetLoader.load(ws, project.id(), EvaluationSplit.ALL, 42),
                    EvaluationProgress.NONE);
            assertEquals(1, all.skipped());
            assertTrue(all.items().stream().noneMatch(r -> r.itemId() == id));
        }
    }

    @Test
    void aSplitWithoutLabelledItemsIsAClearError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> load(EvaluationSplit.TEST));
        assertTrue(error.getMessage().contains("'test'"), error.getMessage());
    }
}
