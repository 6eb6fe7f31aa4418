package kcwb.app.service.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import kcwb.app.service.train.TrainingFixtures;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import kcwb.training.eval.Evaluation;
import kcwb.training.predict.TrainedModel;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A REAL tiny multi-label model: per-label scores, errors (rows with any label wrong) and one 2×2 matrix per label
 * instead of a single confusion matrix.
 */
class MultiLabelEvaluationTest {
    @TempDir
    Path dir;

    @Test
    void perLabelMetricsMatchTheModelsOwnEvaluationAndErrorsAreRowsWithAnyLabelWrong() throws IOException {
        Path workspace = TrainingFixtures.multiLabelWorkspace(dir);
        Path checkpoint = TrainingFixtures.trainTiny(workspace, TrainingFixtures.TAGS, dir.resolve("run"), 4).lastCheckpoint();
        EvaluationSet dev;
        try (Workspace ws = WorkspaceStore.open(workspace)) {
            dev = EvaluationSetLoader.load(ws, ws.projects().require(TrainingFixtures.TAGS).id(), EvaluationSplit.DEV, 42);
        }
        assertEquals(ProblemType.MULTI_LABEL, dev.problemType());
        assertTrue(dev.items().stream().anyMatch(i -> i.gold().size() == 2), "some rows carry two labels");
        try (TrainedModel model = TrainedModel.open(checkpoint)) {
            ItemEvaluation evaluation = ItemEvaluator.evaluate(model, dev, EvaluationProgress.NONE);
            assertTrue(evaluation.multiLabel());
            assertEquals(0, evaluation.metrics().confusion().length);
            assertEquals(model.labels(), evaluation.metrics().perClass().stream().map(c -> c.label()).toList());

            List<LabeledExample> examples = dev.items().stream().map(i -> new LabeledExample(Long.toString(i.itemId()),
                    i.text(), i.gold().stream().map(model.labels()::indexOf).toList())).toList();
            Evaluation reference = model.evaluate(examples);
            Evaluation ours = evaluation.metrics();
            assertEquals(reference.accuracy(), ours.accuracy(), 1e-12);
            assertEquals(reference.subsetAccuracy(), ours.subsetAccuracy(), 1e-12);
            assertEquals(reference.macroF1(), ours.macroF1(), 1e-12);
            assertEquals(reference.microF1(), ours.microF1(), 1e-12);
            assertEquals(reference.loss(), ours.loss(), 1e-4);

            List<ItemResult> errors = evaluation.misclassified();
            long wrongRows = evaluation.items().stream()
                    .filter(r -> !new HashSet<>(r.gold()).equals(new HashSet<>(r.predicted()))).count();
            assertEquals(wrongRows, errors.size());
            assertEquals(Math.round((1 - ours.subsetAccuracy()) * evaluation.items().size()), errors.size());
            for (int i = 1; i < errors.size(); i++) {
                assertTrue(errors.get(i - 1).confidence() >= errors.get(i).confidence(), "sorted at " + i);
            }

            for (var scores : ours.perClass()) { // each label's 2×2 agrees with the metrics' own per-label counts
                LabelConfusion c = evaluation.labelConfusion(scores.label());
                assertEquals(evaluation.items().size(), c.total());
                assertEquals(scores.support(), c.truePositives() + c.falseNegatives(), scores.label());
                double precision = c.truePositives() + c.falsePositives() == 0 ? 0
                        : (double) c.truePositives() / (c.truePositives() + c.falsePositives());
                assertEquals(scores.precision(), precision, 1e-12, scores.label());
                for (LabelOutcome outcome : LabelOutcome.values()) {
                    assertEquals(c.count(outcome), evaluation.labelCell(scores.label(), outcome).size());
                }
            }
        }
    }
}
