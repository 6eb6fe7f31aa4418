package kcwb.training.provenance;

import kcwb.training.train.TrainingConfig;

/**
 * Where a trained model came from: written as {@value #FILE_NAME} into the run folder before the first step,
 * completed with the {@link RunOutcome} at the end, and copied into every checkpoint and export folder.
 * Everything needed to replay the run is here (data hash, cleaning, tokenizer, base model, config with seeds).
 *
 * @param gitCommit the source commit of the build, or null when unknown
 * @param startedAt ISO-8601 instant
 * @param outcome null until the run ends
 */
public record RunProvenance(int schemaVersion, String kcwbVersion, String gitCommit, DatasetProvenance dataset,
        CleaningProvenance cleaning, TokenizerProvenance tokenizer, BaseModelProvenance baseModel,
        TrainingConfig config, EnvironmentProvenance environment, String startedAt, RunOutcome outcome) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "kcwb-provenance.json";

    public RunProvenance withOutcome(RunOutcome newOutcome) {
        return new RunProvenance(schemaVersion, kcwbVersion, gitCommit, dataset, cleaning, tokenizer, baseModel, config,
                environment, startedAt, newOutcome);
    }
}
