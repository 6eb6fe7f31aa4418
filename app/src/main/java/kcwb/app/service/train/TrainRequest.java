package kcwb.app.service.train;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import kcwb.training.train.TrainingConfigBuilder;

/**
 * What to train, as the CLI and the GUI give it. Data: {@code workspace + project}, or {@code trainFile}
 * (+ optional {@code devFile}) with {@code textColumn}/{@code labelColumn}. Model: {@code baseModel} folder, or a
 * from-scratch {@code preset} (tiny/small/base) with the tokenizer of {@code tokenizerDir} (null = the demo
 * tokenizer). {@code resumeFrom}: a checkpoint folder; the run's config, cleaning and base come from its provenance.
 *
 * @param overrides applied to the task preset's config (hyperparameter overrides), may be null
 */
public record TrainRequest(Path workspace, String project, Path trainFile, Path devFile, String textColumn,
        String labelColumn, Path baseModel, String preset, Path tokenizerDir, String taskPreset,
        UnaryOperator<TrainingConfigBuilder> overrides, String cleaning, Path outDir, Path resumeFrom, long splitSeed) {

    public boolean usesWorkspace() {
        return workspace != null;
    }
}
