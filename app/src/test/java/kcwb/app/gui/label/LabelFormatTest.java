package kcwb.app.gui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import kcwb.storage.annotation.Annotation;
import kcwb.storage.run.Prediction;
import org.junit.jupiter.api.Test;

class LabelFormatTest {
    @Test
    void confidenceIsThePredictedLabelsProbability() {
        assertEquals("87%", LabelFormat.confidence(new Prediction(1, null, 1, "m", "hate", "{\"hate\":0.871,\"none\":0.129}", 0.3)));
        assertEquals("?", LabelFormat.confidence(new Prediction(1, null, 1, "m", "hate", "{\"none\":1.0}", null)));
        assertEquals("?", LabelFormat.confidence(new Prediction(1, null, 1, "m", "hate", "not json", null)));
    }

    @Test
    void othersListsEachAnnotatorsLabels() {
        Instant now = Instant.now();
        assertEquals("demo: none · jisoo: hate, offensive", LabelFormat.others(List.of(
                new Annotation(1, "demo", List.of("none"), null, now),
                new Annotation(1, "jisoo", List.of("hate", "offensive"), null, now))));
    }
}
