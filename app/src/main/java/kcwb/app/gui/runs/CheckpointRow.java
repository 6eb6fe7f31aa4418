package kcwb.app.gui.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import kcwb.storage.run.Checkpoint;

/**
 * A checkpoint of the opened run: step, epoch, its stored eval metrics, the best marker and its folder; an
 * on-demand evaluation writes its result into {@link #resultProperty()}.
 */
public final class CheckpointRow {
    private final Checkpoint checkpoint;
    private final Double epoch;
    private final JsonNode metrics;
    private final StringProperty result = new SimpleStringProperty("");
    private final BooleanProperty evaluating = new SimpleBooleanProperty(false);

    CheckpointRow(Checkpoint checkpoint, Double epoch) {
        this.checkpoint = checkpoint;
        this.epoch = epoch;
        this.metrics = RunJson.parse(checkpoint.metricsJson());
    }

    public long step() {
        return checkpoint.step();
    }

    public Double epoch() {
        return epoch;
    }

    public boolean best() {
        return checkpoint.best();
    }

    public Path folder() {
        return Path.of(checkpoint.path());
    }

    /** A stored metric (loss, accuracy, macro_f1, …), or null (a checkpoint saved on stop has none). */
    public Double metric(String key) {
        return RunJson.number(metrics, key);
    }

    public StringProperty resultProperty() {
        return result;
    }

    public BooleanProperty evaluatingProperty() {
        return evaluating;
    }
}
