package kcwb.app.gui.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the JSON a run stores (config, provenance, event and checkpoint metrics) leniently: bad JSON reads as empty. */
final class RunJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunJson() {}

    static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** The number at {@code field}, or null when absent or not a number. */
    static Double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asDouble() : null;
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asInt() : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** Pretty-printed JSON, or the text as given when it is not JSON. */
    static String pretty(String json) {
        JsonNode node = parse(json);
        if (node.isMissingNode()) {
            return json == null ? "" : json;
        }
        try {
            return JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (IOException e) {
            return json;
        }
    }

    /** Leaf values keyed by their dotted path ({@code dataset.sha256}); arrays stay whole, as compact JSON. */
    static Map<String, String> flatten(JsonNode node, String prefix) {
        Map<String, String> flat = new LinkedHashMap<>();
        flattenInto(node, prefix, flat);
        return flat;
    }

    private static void flattenInto(JsonNode node, String path, Map<String, String> flat) {
        if (node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flattenInto(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), flat);
            }
        } else {
            flat.put(path, node.isValueNode() ? (node.isNull() ? "null" : node.asText()) : node.toString());
        }
    }
}
