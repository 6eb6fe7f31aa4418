package kcwb.training.finetune;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.ProblemType;
import kcwb.training.train.TrainingConfig;

/** The 60 committed comments (every 4th to dev), the demo tokenizer, and a small config for tiny ELECTRA. */
final class FineTuneData {
    static final List<String> LABELS = List.of("praise", "insult", "neutral");
    static final List<LabeledExample> TRAIN = new ArrayList<>();
    static final List<LabeledExample> DEV = new ArrayList<>();

    static {
        try (InputStream in = FineTuneData.class.getResourceAsStream("/kcwb/training/finetune/comments60.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split("\t");
                var example = LabeledExample.of(f[0], f[1], LABELS.indexOf(f[2]));
                (Integer.parseInt(f[0]) % 4 == 0 ? DEV : TRAIN).add(example);
            }
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FineTuneData() {}

    static TrainingConfig config(int epochs) {
        return TrainingConfig.builder().optLearningRate(5e-3).optWeightDecay(0.01).optWarmupRatio(0.1).optEpochs(epochs)
                .optBatchSize(8).optEvalBatchSize(32).optMaxLength(32).optLoggingSteps(1).optKeepBestCheckpoints(10)
                .optMetricForBest("macro_f1", true).optSeed(11).build();
    }

    static FineTuneRequest request(Path tokenizerDir, Path runDir, TrainingConfig config) {
        return new FineTuneRequest(BaseModel.fromScratch("tiny"), tokenizerDir, "kcelectra", LABELS,
                ProblemType.SINGLE_LABEL, TRAIN, DEV, "test:comments60.tsv", null, config, runDir, "test", null);
    }

    static List<String> devTexts() {
        return DEV.stream().map(LabeledExample::text).toList();
    }
}
