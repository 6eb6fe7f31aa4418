package kcwb.training.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Hyperparameters of Beomi's KcBERT-Finetune runs of KcELECTRA-base (v2021 and v2022 share them), as values:
 * max_seq_len, train/eval batch, lr, epochs, adam eps, weight decay 0, no warmup, grad-norm 1.0, seed 42.
 * {@code TrainingPresetsIT} checks them against the original JSON files. KorQuAD (span QA) is not a
 * sequence-classification task and has no preset; naver-ner is token classification, kept for reference.
 */
public final class TrainingPresets {
    private TrainingPresets() {}

    /** Task name (as in the KcBERT-Finetune config file names) → its preset, in a stable order. */
    public static SequencedMap<String, TrainingConfig> kcbertFinetune() {
        SequencedMap<String, TrainingConfig> presets = new LinkedHashMap<>();
        presets.put("nsmc", kcbert(50, 64, 128, 5e-5, 8, 1e-8, 2000));
        presets.put("kornli", kcbert(72, 128, 256, 3e-5, 10, 1e-8, 3000));
        presets.put("korsts", kcbert(72, 32, 64, 5e-5, 10, 1e-8, 100));
        presets.put("paws", kcbert(128, 32, 64, 3e-5, 15, 1e-7, 1000));
        presets.put("question-pair", kcbert(72, 32, 64, 5e-5, 5, 1e-8, 100));
        presets.put("naver-ner", kcbert(50, 64, 128, 8e-5, 20, 1e-8, 1000));
        return presets;
    }

    /** A preset by name: a KcBERT-Finetune task name or {@code quick}. */
    public static TrainingConfig named(String name) {
        if ("quick".equals(name)) {
            return quick();
        }
        TrainingConfig preset = kcbertFinetune().get(name);
        if (preset == null) {
            throw new IllegalArgumentException("unknown preset '" + name + "'; known: " + names());
        }
        return preset;
    }

    public static List<String> names() {
        List<String> names = new java.util.ArrayList<>(kcbertFinetune().keySet());
        names.add("quick");
        return List.copyOf(names);
    }

    /** NSMC (movie-review sentiment): max_len 50, batch 64, lr 5e-5, 8 epochs. */
    public static TrainingConfig nsmc() {
        return kcbertFinetune().get("nsmc");
    }

    /**
     * For small demo datasets (hundreds of rows): short sequences, small batches, 10% warmup, evaluation
     * every 20 steps, early stopping after 3 evaluations without a macro-F1 gain.
     */
    public static TrainingConfig quick() {
        return TrainingConfig.builder().optLearningRate(5e-5).optWeightDecay(0.01).optWarmupRatio(0.1)
                .optEpochs(3).optBatchSize(16).optEvalBatchSize(64).optMaxLength(64).optEvalEverySteps(20)
                .optLoggingSteps(5).optKeepBestCheckpoints(1).optEarlyStopping(3, 0.0).build();
    }

    private static TrainingConfig kcbert(int maxLen, int batch, int evalBatch, double lr, int epochs, double eps,
            int loggingSteps) {
        return TrainingConfig.builder().optMaxLength(maxLen).optBatchSize(batch).optEvalBatchSize(evalBatch)
                .optLearningRate(lr).optEpochs(epochs).optAdamEpsilon(eps).optWeightDecay(0.0).optWarmupSteps(0)
                .optGradientAccumulationSteps(1).optMaxGradNorm(1.0).optSeed(42).optLoggingSteps(loggingSteps)
                .optEvalEverySteps(loggingSteps).build();
    }
}
