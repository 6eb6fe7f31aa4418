package kcwb.storage.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Label lists as stored: a JSON array of label names; null stays null (no annotation). */
public final class LabelsJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private LabelsJson() {}

    public static String write(List<String> labels) {
        if (labels == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return List.copyOf(JSON.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt labels_json " + json, e);
        }
    }
}
