package kcwb.app.gui.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import kcwb.storage.annotation.Annotation;
import kcwb.storage.run.Prediction;

/** Short texts for the labeling screen: a prediction's confidence, the other annotators' labels. */
final class LabelFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelFormat() {}

    /** "87%": the probability of the predicted label, "?" when the stored probabilities do not say. */
    static String confidence(Prediction prediction) {
        try {
            JsonNode probabilities = JSON.readTree(prediction.probabilitiesJson());
            JsonNode value = probabilities == null ? null : probabilities.get(prediction.label());
            return value == null || !value.isNumber() ? "?" : Math.round(value.asDouble() * 100) + "%";
        } catch (Exception e) {
            return "?";
        }
    }

    /** "jisoo: hate · demo: none, offensive". */
    static String others(List<Annotation> annotations) {
        return annotations.stream().map(a -> a.annotator() + ": " + String.join(", ", a.labels()))
                .collect(Collectors.joining(" · "));
    }
}
