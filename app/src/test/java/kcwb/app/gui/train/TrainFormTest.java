package kcwb.app.gui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.train.TrainForm.Field;
import kcwb.training.train.TrainingConfig;
import kcwb.training.train.TrainingPresets;
import org.junit.jupiter.api.Test;

class TrainFormTest {
    private final TrainForm form = new TrainForm(I18n.of(Locale.ENGLISH));

    @Test
    void startsWithTheQuickPresetsValues() {
        TrainingConfig quick = TrainingPresets.quick();
        assertEquals("quick", form.taskPresetProperty().get());
        assertEquals(Integer.toString(quick.epochs()), form.textProperty(Field.EPOCHS).get());
        assertEquals("16", form.textProperty(Field.BATCH_SIZE).get());
        assertEquals("0.00005", form.textProperty(Field.LEARNING_RATE).get());
        assertEquals("64", form.textProperty(Field.MAX_LENGTH).get());
        assertEquals("0.1", form.textProperty(Field.WARMUP_RATIO).get());
        assertEquals("0.01", form.textProperty(Field.WEIGHT_DECAY).get());
        assertEquals("20", form.textProperty(Field.EVAL_EVERY).get());
        assertEquals("42", form.textProperty(Field.SEED).get());
        assertEquals("1", form.textProperty(Field.KEEP_BEST).get());
        assertEquals("3", form.textProperty(Field.PATIENCE).get());
        assertEquals("", form.textProperty(Field.MAX_STEPS).get(), "empty = whole epochs");
        assertEquals("1", form.textProperty(Field.GRAD_ACCUM).get());
        assertEquals("macro_f1", form.metricProperty().get());
        assertTrue(form.validProperty().get());
        assertEquals(quick, form.config(), "the untouched form runs exactly the preset");
    }

    @Test
    void choosingAPresetFillsItsValues() {
        form.textProperty(Field.EPOCHS).set("9");
        form.textProperty(Field.MAX_STEPS).set("50");
        form.textProperty(Field.GRAD_ACCUM).set("8");
        form.metricProperty().set("loss");
        form.taskPresetProperty().set("nsmc");
        assertEquals("", form.textProperty(Field.MAX_STEPS).get());
        assertEquals("1", form.textProperty(Field.GRAD_ACCUM).get());
        assertEquals("macro_f1", form.metricProperty().get());
        TrainingConfig nsmc = TrainingPresets.nsmc();
        assertEquals("8", form.textProperty(Field.EPOCHS).get());
        assertEquals("64", form.textProperty(Field.BATCH_SIZE).get());
        assertEquals("50", form.textProperty(Field.MAX_LENGTH).get());
        assertEquals("0", form.textProperty(Field.PATIENCE).get());
        assertEquals(nsmc, form.config());
    }

    @Test
    void typedValuesOverrideThePreset() {
        form.textProperty(Field.EPOCHS).set(" 5 ");
        form.textProperty(Field.LEARNING_RATE).set("5e-4");
        form.textProperty(Field.SEED).set("7");
        TrainingConfig config = form.config();
        assertNotNull(config);
        assertEquals(5, config.epochs());
        assertEquals(5e-4, config.learningRate());
        assertEquals(7, config.seed());
        assertEquals(TrainingPresets.quick().batchSize(), config.batchSize());
    }

    @Test
    void aBadFieldShowsAnInlineMessageAndBlocksTheForm() {
        form.textProperty(Field.EPOCHS).set("0");
        assertEquals("Epochs: a whole number from 1 to 1000", form.errorProperty(Field.EPOCHS).get());
        assertFalse(form.validProperty().get());
        assertNull(form.config());

        form.textProperty(Field.EPOCHS).set("2");
        form.textProperty(Field.LEARNING_RATE).set("fast");
        assertEquals("", form.errorProperty(Field.EPOCHS).get());
        assertTrue(form.errorProperty(Field.LEARNING_RATE).get().startsWith("Learning rate: a number from"));
        assertFalse(form.validProperty().get());

        form.textProperty(Field.LEARNING_RATE).set("0.001");
        form.textProperty(Field.MAX_LENGTH).set("1024");
        assertTrue(form.errorProperty(Field.MAX_LENGTH).get().contains("8 to 512"));
        form.textProperty(Field.MAX_LENGTH).set("");
        assertFalse(form.validProperty().get(), "empty is not a number");
        form.textProperty(Field.MAX_LENGTH).set("128");
        form.textProperty(Field.BATCH_SIZE).set("1.5");
        assertFalse(form.errorProperty(Field.BATCH_SIZE).get().isEmpty(), "batch must be whole");
        form.textProperty(Field.BATCH_SIZE).set("8");
        assertTrue(form.validProperty().get());
        assertEquals("", form.configProblemProperty().get());
    }

    @Test
    void theFormOffersEveryMetricTheEngineRanksBy() {
        assertEquals(TrainingConfig.METRICS, java.util.Set.copyOf(TrainForm.METRICS));
    }

    @Test
    void formatsNumbersWithoutExponentsOrTrailingZeros() {
        assertEquals("0.00003", TrainForm.format(3e-5));
        assertEquals("16", TrainForm.format(16.0));
        assertEquals("0.1", TrainForm.format(0.1));
    }
}
