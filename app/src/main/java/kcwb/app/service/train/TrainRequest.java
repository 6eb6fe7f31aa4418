package kcwb.app.service.train;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import kcwb.training.train.TrainingConfigBuilder;

/**
 * What to train, as the CLI and the GUI give it. Data: {@code workspace + project}, or {@code trainFile}
 * (+ optional {@code devFile}) with {@code textColumn}/{@code labelColumn} (null = {@code label}, or {@code labels}),
 * {@code multiLabel} (each row holds a label list: a {@code ;}-separated cell or a JSON array) and
 * {@code allowEmptyLabels} (multi-label rows may hold no label). Model: {@code baseModel} folder, or a
 * from-scratch {@code preset} (tiny/small/base) with the tokenizer of {@code tokenizerDir} (null = the demo
 * tokenizer). {@code resumeFrom}: a checkpoint folder; the run's config, cleaning and base come from its provenance.
 *
 * @param overrides applied to the task preset's config (hyperparameter overrides), may be null
 */
public record TrainRequest(Path workspace, String project, Path trainFile, Path devFile, String textColumn,
        String labelColumn, Path baseModel, String preset, Path tokenizerDir, String taskPreset,
        UnaryOperator<TrainingConfigBuilder> overrides, String cleaning, Path outDir, Path resumeFrom, long splitSeed,
        boolean multiLabel, boolean allowEmptyLabels) {

    /** Single-label files, or a workspace project (whose task type says single- or multi-label). */
    public TrainRequest(Path workspace, String project, Path trainFile, Path devFile, String textColumn,
            String labelColumn, Path baseModel, String preset, Path tokenizerDir, String taskPreset,
            UnaryOperator<TrainingConfigBuilder> overrides, String cleaning, Path outDir, Path resumeFrom, long splitSeed) {
        this(workspace, project, trainFile, devFile, textColumn, labelColumn, baseModel, preset, tokenizerDir, taskPreset,
                overrides, cleaning, outDir, resumeFrom, splitSeed, false, false);
    }

    public boolean usesWorkspace() {
        return workspace != null;
    }
}
