package kcwb.training.finetune;

import java.nio.file.Path;
import java.util.List;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.ProblemType;
import kcwb.training.train.TrainingConfig;

/**
 * Everything one fine-tuning run needs, already validated by the caller (labels resolved to indices).
 *
 * @param tokenizerDir folder with the tokenizer files (copied into every checkpoint); usually the base folder
 * @param cleaning {@code none} or a cleaning recipe id, applied to every text at train, eval and predict
 * @param train examples with RAW text (the pipeline cleans); ids are kept for provenance
 * @param datasetSource a human-readable origin, e.g. {@code workspace:/w.kcwb#project=news}
 * @param splitSeed the seed of a holdout dev split made by the caller, or null
 * @param runDir where {@code checkpoint-<step>} folders and the provenance go
 */
public record FineTuneRequest(BaseModel baseModel, Path tokenizerDir, String cleaning, List<String> labels,
        ProblemType problemType, List<LabeledExample> train, List<LabeledExample> dev, String datasetSource,
        Long splitSeed, TrainingConfig config, Path runDir, String kcwbVersion, String gitCommit) {
    public FineTuneRequest {
        labels = List.copyOf(labels);
        train = List.copyOf(train);
        dev = List.copyOf(dev);
    }
}
