package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kcwb.training.eval.Evaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-label training, and resume refusing a changed configuration. */
class FineTunerOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void trainsAMultiLabelProblemWithBceAndMultiLabelMetrics() {
        // primary label from the letters, plus label 2 ("neutral") whenever the text contains an 'm'
        List<LabeledExample> rows = new ArrayList<>();
        for (LabeledExample e : TestData.examples(80, 5)) {
            List<Integer> labels = new ArrayList<>(List.of(e.labels().getFirst()));
            if (e.text().contains("m") && !labels.contains(2)) {
                labels.add(2);
            }
            rows.add(new LabeledExample(e.id(), e.text(), labels));
        }
        TrainingConfig config = TrainingConfig.builder().optProblemType(ProblemType.MULTI_LABEL).optLearningRate(3e-2)
                .optEpochs(2).optBatchSize(8).optMaxLength(16).optLoggingSteps(1).optMetricForBest("micro_f1", true)
                .build();
        List<TrainingEvent> events = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingSummary summary = FineTuner.builder()
                    .setModel(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0f, 2)).setConfig(config)
                    .setTrainData(ExampleSource.of(rows)).optDevData(ExampleSource.of(rows.subList(0, 30)))
                    .setEncoder(TestData::encode).setLabels(TestData.LABELS).setOutputDir(tmp)
                    .setCheckpointWriter(new TestData.WeightsStore()).addListener(events::add).build().run();
            assertEquals(20, summary.steps());
            Evaluation last = summary.bestMetrics();
            assertTrue(last.multiLabel());
            assertEquals(3, last.perClass().size());
            assertTrue(last.microF1() > 0.5, "learns the labels: " + last);
        }
    }

    @Test
    void resumeRefusesADifferentConfiguration() {
        TrainingConfig config = TrainingConfig.builder().optEpochs(1).optBatchSize(8).optMaxLength(16).build();
        List<TrainingEvent> events = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            TestData.WeightsStore store = new TestData.WeightsStore();
            FineTunerBuilder b = FineTuner.builder().setModel(TinyHfModule.random(manager, TestData.VOCAB, 16, 3, 0f, 2))
                    .setConfig(config).setTrainData(ExampleSource.of(TestData.examples(16, 1)))
                    .setEncoder(TestData::encode).setLabels(TestData.LABELS).setOutputDir(tmp)
                    .setCheckpointWriter(store).optCheckpointReader(store).addListener(events::add);
            TrainingSummary summary = b.build().run();
            var e = assertThrows(IllegalArgumentException.class,
                    () -> b.setConfig(config.toBuilder().optLearningRate(1e-3).build()).build().resume(summary.lastCheckpoint()));
            assertTrue(e.getMessage().contains("different configuration"), e.getMessage());
        }
    }
}
