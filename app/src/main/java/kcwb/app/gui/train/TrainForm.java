package kcwb.app.gui.train;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import kcwb.app.gui.common.I18n;
import kcwb.training.train.InvalidTrainingConfigException;
import kcwb.training.train.TrainingConfig;
import kcwb.training.train.TrainingConfigBuilder;
import kcwb.training.train.TrainingPresets;

/**
 * The hyperparameter form: one text per field, checked as it is typed (an inline message per field, empty when
 * fine), filled from a task preset, turned into the overrides a {@code TrainRequest} takes. The engine's own
 * validation runs last on the whole config ({@link #configProblem()}), so cross-field rules are caught too.
 */
public final class TrainForm {
    /** The metrics that may rank checkpoints, in the order the form offers them; lower is better only for loss. */
    public static final List<String> METRICS = List.of("macro_f1", "micro_f1", "accuracy", "subset_accuracy", "loss");

    /** A field, its i18n key suffix and what it accepts (an empty {@code blankIsZero} field means 0). */
    public enum Field {
        EPOCHS("epochs", true, 1, 1000),
        MAX_STEPS("maxSteps", true, 0, 100_000_000, true),
        BATCH_SIZE("batchSize", true, 1, 4096),
        GRAD_ACCUM("gradAccum", true, 1, 1024),
        LEARNING_RATE("learningRate", false, 1e-8, 1),
        MAX_LENGTH("maxLength", true, 8, 512),
        WARMUP_RATIO("warmupRatio", false, 0, 0.99),
        WEIGHT_DECAY("weightDecay", false, 0, 1),
        EVAL_EVERY("evalEvery", true, 0, 1_000_000),
        SEED("seed", true, 0, Integer.MAX_VALUE),
        KEEP_BEST("keepBest", true, 1, 100),
        PATIENCE("patience", true, 0, 1000);

        final String key;
        final boolean whole;
        final double min;
        final double max;
        final boolean blankIsZero;

        Field(String key, boolean whole, double min, double max) {
            this(key, whole, min, max, false);
        }

        Field(String key, boolean whole, double min, double max, boolean blankIsZero) {
            this.key = key;
            this.whole = whole;
            this.min = min;
            this.max = max;
            this.blankIsZero = blankIsZero;
        }

        public String key() {
            return key;
        }
    }

    private final I18n i18n;
    private final Map<Field, StringProperty> texts = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final StringProperty taskPreset = new SimpleStringProperty("quick");
    private final StringProperty cleaning = new SimpleStringProperty("kcelectra");
    private final StringProperty metric = new SimpleStringProperty("macro_f1");
    private final ReadOnlyStringWrapper metricError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper configProblem = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;

    public TrainForm(I18n i18n) {
        this.i18n = i18n;
        for (Field field : Field.values()) {
            StringProperty text = new SimpleStringProperty("");
            ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
            texts.put(field, text);
            errors.put(field, error);
            text.addListener((obs, old, now) -> validate());
        }
        metric.addListener((obs, old, now) -> validate());
        taskPreset.addListener((obs, old, name) -> {
            if (name != null) {
                fillFrom(TrainingPresets.named(name));
            }
        });
        java.util.List<javafx.beans.Observable> watched = new java.util.ArrayList<>(errors.values());
        watched.add(metricError);
        watched.add(configProblem);
        valid = Bindings.createBooleanBinding(() -> fieldsValid() && configProblem.get().isEmpty(),
                watched.toArray(javafx.beans.Observable[]::new));
        fillFrom(TrainingPresets.named(taskPreset.get()));
    }

    /** Puts the preset's values into every field (a preset change overwrites what was typed). */
    public void fillFrom(TrainingConfig preset) {
        set(Field.EPOCHS, preset.epochs());
        texts.get(Field.MAX_STEPS).set(preset.maxSteps() == 0 ? "" : Integer.toString(preset.maxSteps()));
        set(Field.BATCH_SIZE, preset.batchSize());
        set(Field.GRAD_ACCUM, preset.gradientAccumulationSteps());
        set(Field.LEARNING_RATE, preset.learningRate());
        set(Field.MAX_LENGTH, preset.maxLength());
        set(Field.WARMUP_RATIO, preset.warmupRatio());
        set(Field.WEIGHT_DECAY, preset.weightDecay());
        set(Field.EVAL_EVERY, preset.evalEverySteps());
        set(Field.SEED, preset.seed());
        set(Field.KEEP_BEST, preset.keepBestCheckpoints());
        set(Field.PATIENCE, preset.earlyStoppingPatience());
        metric.set(preset.metricForBest());
    }

    /** The typed values over the preset; call only when {@link #validProperty()} is true. */
    public UnaryOperator<TrainingConfigBuilder> overrides() {
        int epochs = whole(Field.EPOCHS);
        int maxSteps = whole(Field.MAX_STEPS);
        int batch = whole(Field.BATCH_SIZE);
        int accumulation = whole(Field.GRAD_ACCUM);
        double lr = number(Field.LEARNING_RATE);
        int maxLength = whole(Field.MAX_LENGTH);
        double warmup = number(Field.WARMUP_RATIO);
        double decay = number(Field.WEIGHT_DECAY);
        int evalEvery = whole(Field.EVAL_EVERY);
        long seed = whole(Field.SEED);
        int keepBest = whole(Field.KEEP_BEST);
        int patience = whole(Field.PATIENCE);
        String best = metric.get();
        double minDelta = TrainingPresets.named(taskPreset.get()).earlyStoppingMinDelta();
        return builder -> builder.optEpochs(epochs).optMaxSteps(maxSteps).optBatchSize(batch)
                .optGradientAccumulationSteps(accumulation).optLearningRate(lr).optMaxLength(maxLength)
                .optWarmupSteps(0).optWarmupRatio(warmup).optWeightDecay(decay).optEvalEverySteps(evalEvery)
                .optSeed(seed).optKeepBestCheckpoints(keepBest).optEarlyStopping(patience, minDelta)
                .optMetricForBest(best, !"loss".equals(best));
    }

    /** The config the engine will run (preset + form), or null while a field is invalid. */
    public TrainingConfig config() {
        if (!fieldsValid()) {
            return null;
        }
        try {
            return overrides().apply(TrainingPresets.named(taskPreset.get()).toBuilder()).build();
        } catch (InvalidTrainingConfigException e) {
            return null;
        }
    }

    private void validate() {
        for (Field field : Field.values()) {
            errors.get(field).set(check(field, texts.get(field).get()));
        }
        metricError.set(METRICS.contains(metric.get()) ? ""
                : i18n.get("train.error.metric", i18n.get("train.field.metric"),
                        String.join(", ", METRICS.stream().map(m -> i18n.get("train.metric." + m)).toList())));
        String problem = "";
        if (fieldsValid()) {
            try {
                overrides().apply(TrainingPresets.named(taskPreset.get()).toBuilder()).build();
            } catch (InvalidTrainingConfigException e) {
                problem = e.getMessage();
            }
        }
        configProblem.set(problem);
    }

    private boolean fieldsValid() {
        return errors.values().stream().allMatch(e -> e.get().isEmpty()) && metricError.get().isEmpty();
    }

    private String check(Field field, String text) {
        if (field.blankIsZero && (text == null || text.isBlank())) {
            return "";
        }
        String name = i18n.get("train.field." + field.key);
        String range = i18n.get(field.whole ? "train.error.whole" : "train.error.number", name,
                format(field.min), format(field.max));
        try {
            double value = field.whole ? Long.parseLong(text.strip()) : Double.parseDouble(text.strip());
            return Double.isFinite(value) && value >= field.min && value <= field.max ? "" : range;
        } catch (NumberFormatException | NullPointerException e) {
            return range;
        }
    }

    private void set(Field field, double value) {
        texts.get(field).set(format(value));
    }

    /** 5e-5 as "0.00005", 16.0 as "16". */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private int whole(Field field) {
        String text = texts.get(field).get().strip();
        return field.blankIsZero && text.isEmpty() ? 0 : (int) Long.parseLong(text);
    }

    private double number(Field field) {
        return Double.parseDouble(texts.get(field).get().strip());
    }

    public StringProperty textProperty(Field field) {
        return texts.get(field);
    }

    public ReadOnlyStringProperty errorProperty(Field field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /** The engine's message for a config that every field accepts but the whole does not; "" when fine. */
    public ReadOnlyStringProperty configProblemProperty() {
        return configProblem.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public StringProperty taskPresetProperty() {
        return taskPreset;
    }

    /** The {@link TrainingConfig#metricForBest()} key that ranks checkpoints and drives early stopping (one of {@link #METRICS}). */
    public StringProperty metricProperty() {
        return metric;
    }

    /** The metric's inline message; "" when it is one of {@link #METRICS}. */
    public ReadOnlyStringProperty metricErrorProperty() {
        return metricError.getReadOnlyProperty();
    }

    public StringProperty cleaningProperty() {
        return cleaning;
    }
}
