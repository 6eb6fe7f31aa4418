package kcwb.app.gui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.WorkspaceSession;
import kcwb.app.service.evaluate.EvaluationSplit;
import kcwb.app.service.evaluate.ItemResult;
import kcwb.app.service.evaluate.LabelConfusion;
import kcwb.app.service.evaluate.LabelOutcome;
import kcwb.app.service.train.TrainingFixtures;
import kcwb.storage.project.Project;
import kcwb.training.predict.PredictedLabel;
import kcwb.training.predict.TrainedModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-label evaluation in the view model with a REAL tiny multi-label checkpoint: each label's 2×2 matrix equals
 * a count made without the app's evaluation code (gold from the fixture's dev.tsv by the fixture's rule, predictions
 * from a fresh pass of the checkpoint), and each cell lists exactly its comments.
 */
class EvaluateMultiLabelViewModelTest {
    @TempDir
    static Path trained;
    static Path template;

    @TempDir
    Path dir;
    private WorkspaceSession session;
    private final List<Long> opened = new ArrayList<>();
    private EvaluateViewModel viewModel;

    @BeforeAll
    static void trainTinyMultiLabelModel() throws IOException {
        template = TrainingFixtures.multiLabelWorkspace(trained);
        TrainingFixtures.trainTiny(template, TrainingFixtures.TAGS, trained.resolve("run"), 4);
    }

    @BeforeEach
    void open() throws IOException {
        Path copy = dir.resolve("tags.kcwb");
        Files.copy(template, copy);
        session = new WorkspaceSession();
        session.open(copy);
        viewModel = new EvaluateViewModel(I18n.of(Locale.ENGLISH), new DirectTaskRunner(), session,
                new SimpleObjectProperty<Project>(), new SimpleObjectProperty<Path>(), opened::add);
        viewModel.refreshChoices();
        viewModel.splitProperty().set(EvaluationSplit.DEV);
        viewModel.evaluate();
        assertNotNull(viewModel.outcomeProperty().get(), viewModel.messageProperty().get());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void eachLabelsTwoByTwoEqualsAnIndependentCountAndEachCellListsItsComments() throws IOException {
        Map<String, Map<LabelOutcome, Long>> expected = independentCount(viewModel.selectedModelProperty().get().dir());
        List<String> labels = viewModel.outcomeProperty().get().evaluation().labels();
        assertEquals(List.of("praise", "insult", "neutral", "laugh"), labels);
        long errors = 0;
        for (String label : labels) {
            viewModel.selectLabel(label);
            LabelConfusion shown = viewModel.labelConfusionProperty().get();
            assertEquals(label, shown.label());
            assertEquals(15, shown.total(), "every dev comment is in one cell");
            EvaluateViewModel.ClassRow row = viewModel.classRows().stream().filter(r -> r.label().equals(label))
                    .findFirst().orElseThrow();
            assertEquals(row.support(), shown.truePositives() + shown.falseNegatives(), "support = TP + FN");
            for (LabelOutcome outcome : LabelOutcome.values()) {
                long count = expected.get(label).getOrDefault(outcome, 0L);
                assertEquals(count, shown.count(outcome), label + " " + outcome);
                viewModel.selectLabelCell(outcome);
                assertEquals(outcome, viewModel.selectedLabelCellProperty().get());
                assertEquals(count, viewModel.cellItems().size(), label + " " + outcome + " items");
                for (ItemResult item : viewModel.cellItems()) {
                    assertEquals(outcome.gold(), item.gold().contains(label), item.toString());
                    assertEquals(outcome.predicted(), item.predicted().contains(label), item.toString());
                }
                errors += outcome.correct() ? 0 : count;
            }
        }
        assertTrue(errors > 0, "a 4-step tiny model gets some label wrong");
    }

    @Test
    void fixLabelOpensAMissedOrWronglyFlaggedCommentAndANewEvaluationClearsTheChoice() {
        String label = viewModel.classRows().getFirst().label();
        viewModel.selectLabel(label);
        LabelOutcome wrong = viewModel.labelConfusionProperty().get().falseNegatives() > 0 ? LabelOutcome.FALSE_NEGATIVE
                : LabelOutcome.FALSE_POSITIVE;
        viewModel.selectLabelCell(wrong);
        ItemResult item = viewModel.cellItems().getFirst();
        viewModel.fixLabel(item);
        assertEquals(List.of(item.itemId()), opened);

        viewModel.evaluate();
        assertNull(viewModel.labelConfusionProperty().get());
        assertNull(viewModel.selectedLabelCellProperty().get());
        assertTrue(viewModel.cellItems().isEmpty());
        viewModel.selectLabel("no-such-label");
        assertNull(viewModel.labelConfusionProperty().get());
    }

    /** Gold by the fixture's own rule on dev.tsv (its class, plus "laugh" for ㅋ/ㅎ), predictions by the model. */
    private static Map<String, Map<LabelOutcome, Long>> independentCount(Path checkpoint) throws IOException {
        List<String> lines = TrainingFixtures.lines("/kcwb/app/train/dev.tsv");
        List<String> texts = new ArrayList<>();
        List<List<String>> gold = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            texts.add(f[1]);
            gold.add(f[1].contains("ㅋ") || f[1].contains("ㅎ") ? List.of(f[2], "laugh") : List.of(f[2]));
        }
        List<PredictedLabel> predicted;
        List<String> labels;
        try (TrainedModel model = TrainedModel.open(checkpoint)) {
            predicted = model.predict(texts);
            labels = model.labels();
        }
        Map<String, Map<LabelOutcome, Long>> counts = new HashMap<>();
        for (String label : labels) {
            Map<LabelOutcome, Long> cells = new EnumMap<>(LabelOutcome.class);
            for (int i = 0; i < texts.size(); i++) {
                boolean g = gold.get(i).contains(label);
                boolean p = predicted.get(i).labels().contains(label);
                cells.merge(g ? (p ? LabelOutcome.TRUE_POSITIVE : LabelOutcome.FALSE_NEGATIVE)
                        : (p ? LabelOutcome.FALSE_POSITIVE : LabelOutcome.TRUE_NEGATIVE), 1L, Long::sum);
            }
            counts.put(label, cells);
        }
        return counts;
    }
}
