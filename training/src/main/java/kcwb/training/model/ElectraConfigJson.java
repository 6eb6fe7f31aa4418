package kcwb.training.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an HF {@code config.json} tree into an {@link ElectraConfig}, with the defaults of HF's ElectraConfig
 * (or BertConfig for {@code model_type: bert}, whose embeddings are as wide as the hidden layers).
 */
final class ElectraConfigJson {
    private ElectraConfigJson() {}

    static ElectraConfig parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("config.json must hold a JSON object");
        }
        String modelType = text(root, "model_type", "electra");
        boolean bert = switch (modelType) {
            case "electra" -> false;
            case "bert" -> true;
            default -> throw new IllegalArgumentException("model_type \"" + modelType
                    + "\" is not supported; expected electra or bert");
        };
        String positionType = text(root, "position_embedding_type", "absolute");
        if (!positionType.equals("absolute")) {
            throw new IllegalArgumentException("position_embedding_type \"" + positionType
                    + "\" is not supported; only \"absolute\" is");
        }
        int hidden = integer(root, "hidden_size", bert ? 768 : 256);
        int embedding = bert ? hidden : integer(root, "embedding_size", 128);
        if (bert && root.has("embedding_size") && integer(root, "embedding_size", hidden) != hidden) {
            throw new IllegalArgumentException("a bert config cannot have embedding_size different from hidden_size");
        }
        Double classifierDropout = root.hasNonNull("classifier_dropout")
                ? number(root, "classifier_dropout", 0) : null;
        String problemType = root.hasNonNull("problem_type") ? text(root, "problem_type", null) : null;
        return new ElectraConfig(
                integer(root, "vocab_size", 30522),
                embedding,
                hidden,
                integer(root, "num_hidden_layers", 12),
                integer(root, "num_attention_heads", bert ? 12 : 4),
                integer(root, "intermediate_size", bert ? 3072 : 1024),
                text(root, "hidden_act", "gelu"),
                number(root, "hidden_dropout_prob", 0.1),
                number(root, "attention_probs_dropout_prob", 0.1),
                integer(root, "max_position_embeddings", 512),
                integer(root, "type_vocab_size", 2),
                number(root, "layer_norm_eps", 1e-12),
                number(root, "initializer_range", 0.02),
                root.hasNonNull("pad_token_id") ? integer(root, "pad_token_id", 0) : 0,
                classifierDropout,
                labels(root),
                problemType);
    }

    /** id2label in id order; else num_labels generic names; else HF's default of two labels. */
    private static List<String> labels(JsonNode root) {
        JsonNode id2label = root.get("id2label");
        if (id2label != null && id2label.isObject() && !id2label.isEmpty()) {
            Map<Integer, String> byId = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = id2label.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                int id;
                try {
                    id = Integer.parseInt(entry.getKey());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("id2label key \"" + entry.getKey() + "\" is not an integer");
                }
                byId.put(id, entry.getValue().asText());
            }
            List<String> names = new ArrayList<>(byId.values());
            for (int i = 0; i < names.size(); i++) {
                if (!byId.containsKey(i)) {
                    throw new IllegalArgumentException("id2label ids must be 0.." + (names.size() - 1)
                            + " without gaps, got " + byId.keySet());
                }
            }
            if (root.hasNonNull("num_labels") && integer(root, "num_labels", 0) != names.size()) {
                throw new IllegalArgumentException("num_labels " + root.get("num_labels")
                        + " disagrees with id2label's " + names.size() + " labels");
            }
            return names;
        }
        return ElectraConfig.defaultLabels(integer(root, "num_labels", 2));
    }

    private static int integer(JsonNode root, String field, int fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be an integer, got " + node);
        }
        return node.intValue();
    }

    private static double number(JsonNode root, String field, double fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, got " + node);
        }
        return node.doubleValue();
    }

    private static String text(JsonNode root, String field, String fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string, got " + node);
        }
        return node.textValue();
    }
}
