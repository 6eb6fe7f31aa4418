package kcwb.training.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ELECTRA (or BERT) encoder geometry and head settings, as Hugging Face's {@code config.json} spells them.
 * Every value is validated in the constructor, so nothing invalid ever reaches DJL.
 *
 * @param labels label names in id order ({@code id2label}); their count is {@code num_labels}
 * @param problemType {@code single_label_classification}, {@code multi_label_classification},
 *     {@code regression}, or null (HF then decides from the label type)
 * @param classifierDropout null means "use hiddenDropoutProb", like HF
 */
public record ElectraConfig(
        int vocabSize, int embeddingSize, int hiddenSize, int numHiddenLayers, int numAttentionHeads,
        int intermediateSize, String hiddenAct, double hiddenDropoutProb, double attentionProbsDropoutProb,
        int maxPositionEmbeddings, int typeVocabSize, double layerNormEps, double initializerRange,
        int padTokenId, Double classifierDropout, List<String> labels, String problemType) {

    public static final String SINGLE_LABEL = "single_label_classification";
    public static final String MULTI_LABEL = "multi_label_classification";
    public static final String REGRESSION = "regression";
    private static final List<String> PROBLEM_TYPES = List.of(SINGLE_LABEL, MULTI_LABEL, REGRESSION);
    private static final ObjectMapper JSON = new ObjectMapper();

    public ElectraConfig {
        Objects.requireNonNull(hiddenAct, "hidden_act");
        labels = List.copyOf(labels);
        positive("vocab_size", vocabSize);
        positive("embedding_size", embeddingSize);
        positive("hidden_size", hiddenSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("num_attention_heads", numAttentionHeads);
        positive("intermediate_size", intermediateSize);
        positive("max_position_embeddings", maxPositionEmbeddings);
        positive("type_vocab_size", typeVocabSize);
        positive("num_labels", labels.size());
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize
                    + " is not a multiple of num_attention_heads " + numAttentionHeads);
        }
        if (!hiddenAct.equals("gelu")) {
            throw new IllegalArgumentException("hidden_act \"" + hiddenAct
                    + "\" is not supported; only \"gelu\" (exact erf GELU, as ELECTRA and BERT use) is");
        }
        probability("hidden_dropout_prob", hiddenDropoutProb);
        probability("attention_probs_dropout_prob", attentionProbsDropoutProb);
        if (classifierDropout != null) {
            probability("classifier_dropout", classifierDropout);
        }
        if (!(layerNormEps > 0) || !(initializerRange >= 0)) {
            throw new IllegalArgumentException("layer_norm_eps must be > 0 and initializer_range >= 0, got "
                    + layerNormEps + " and " + initializerRange);
        }
        if (padTokenId < 0 || padTokenId >= vocabSize) {
            throw new IllegalArgumentException("pad_token_id " + padTokenId + " is outside the vocabulary [0, "
                    + vocabSize + ")");
        }
        if (problemType != null && !PROBLEM_TYPES.contains(problemType)) {
            throw new IllegalArgumentException("problem_type \"" + problemType + "\" is not one of " + PROBLEM_TYPES);
        }
        if (REGRESSION.equals(problemType) && labels.size() != 1) {
            throw new IllegalArgumentException("problem_type regression needs num_labels 1, got " + labels.size());
        }
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("label names must be unique, got " + labels);
        }
    }

    /** The test geometry of HF's ElectraModelTester: hidden 32, 2 layers, 4 heads, intermediate 37. */
    public static ElectraConfig tiny() {
        return preset(99, 32, 32, 2, 4, 37);
    }

    /** ELECTRA-small's encoder with a full-width embedding: hidden 256, 4 layers, 4 heads, intermediate 1024. */
    public static ElectraConfig small() {
        return preset(30522, 256, 256, 4, 4, 1024);
    }

    /** KcELECTRA-base's geometry: 768 wide, 12 layers, 12 heads, intermediate 3072. */
    public static ElectraConfig base() {
        return preset(54343, 768, 768, 12, 12, 3072);
    }

    /** {@code tiny}, {@code small} or {@code base}. */
    public static ElectraConfig preset(String name) {
        return switch (name) {
            case "tiny" -> tiny();
            case "small" -> small();
            case "base" -> base();
            default -> throw new IllegalArgumentException("unknown config preset \"" + name
                    + "\"; choose tiny, small or base");
        };
    }

    private static ElectraConfig preset(int vocab, int embedding, int hidden, int layers, int heads, int inter) {
        return new ElectraConfig(vocab, embedding, hidden, layers, heads, inter, "gelu", 0.1, 0.1, 512, 2,
                1e-12, 0.02, 0, null, List.of("LABEL_0", "LABEL_1"), null);
    }

    public int numLabels() {
        return labels.size();
    }

    public int headSize() {
        return hiddenSize / numAttentionHeads;
    }

    /** classifier_dropout if set, else hidden_dropout_prob (HF's rule for both heads). */
    public double effectiveClassifierDropout() {
        return classifierDropout != null ? classifierDropout : hiddenDropoutProb;
    }

    public ElectraConfig withVocabSize(int newVocabSize) {
        return new ElectraConfig(newVocabSize, embeddingSize, hiddenSize, numHiddenLayers, numAttentionHeads,
                intermediateSize, hiddenAct, hiddenDropoutProb, attentionProbsDropoutProb, maxPositionEmbeddings,
                typeVocabSize, layerNormEps, initializerRange, padTokenId, classifierDropout, labels, problemType);
    }

    public ElectraConfig withLabels(List<String> newLabels, String newProblemType) {
        return new ElectraConfig(vocabSize, embeddingSize, hiddenSize, numHiddenLayers, numAttentionHeads,
                intermediateSize, hiddenAct, hiddenDropoutProb, attentionProbsDropoutProb, maxPositionEmbeddings,
                typeVocabSize, layerNormEps, initializerRange, padTokenId, classifierDropout, newLabels,
                newProblemType);
    }

    /** Same model with every dropout probability set to {@code p} (0 for deterministic parity checks). */
    public ElectraConfig withDropout(double p) {
        return new ElectraConfig(vocabSize, embeddingSize, hiddenSize, numHiddenLayers, numAttentionHeads,
                intermediateSize, hiddenAct, p, p, maxPositionEmbeddings, typeVocabSize, layerNormEps,
                initializerRange, padTokenId, p, labels, problemType);
    }

    /** Reads {@code config.json}; a bad file names the file and the field. */
    public static ElectraConfig read(Path configJson) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(configJson.toFile());
        } catch (IOException e) {
            throw new IOException(configJson + ": not valid JSON: " + e.getMessage(), e);
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(configJson + ": " + e.getMessage(), e);
        }
    }

    public static ElectraConfig fromJson(String json) throws IOException {
        return fromJson(JSON.readTree(json));
    }

    /** Parses an HF config of model_type electra or bert, with HF's defaults for absent fields. */
    public static ElectraConfig fromJson(JsonNode root) {
        return ElectraConfigJson.parse(root);
    }

    /** The HF {@code config.json} fields, in HF's spelling, for {@code architecture} (e.g. ElectraForSequenceClassification). */
    public Map<String, Object> toHfJson(String architecture) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("architectures", List.of(architecture));
        json.put("model_type", "electra");
        json.put("vocab_size", vocabSize);
        json.put("embedding_size", embeddingSize);
        json.put("hidden_size", hiddenSize);
        json.put("num_hidden_layers", numHiddenLayers);
        json.put("num_attention_heads", numAttentionHeads);
        json.put("intermediate_size", intermediateSize);
        json.put("hidden_act", hiddenAct);
        json.put("hidden_dropout_prob", hiddenDropoutProb);
        json.put("attention_probs_dropout_prob", attentionProbsDropoutProb);
        json.put("max_position_embeddings", maxPositionEmbeddings);
        json.put("type_vocab_size", typeVocabSize);
        json.put("layer_norm_eps", layerNormEps);
        json.put("initializer_range", initializerRange);
        json.put("pad_token_id", padTokenId);
        json.put("classifier_dropout", classifierDropout);
        json.put("position_embedding_type", "absolute");
        Map<String, String> id2label = new LinkedHashMap<>();
        Map<String, Integer> label2id = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            id2label.put(Integer.toString(i), labels.get(i));
            label2id.put(labels.get(i), i);
        }
        json.put("id2label", id2label);
        json.put("label2id", label2id);
        if (problemType != null) {
            json.put("problem_type", problemType);
        }
        json.put("dtype", "float32");
        return json;
    }

    /** {@link #toHfJson} as pretty-printed JSON text. */
    public String toHfJsonString(String architecture) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toHfJson(architecture)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a map of plain values", e);
        }
    }

    static List<String> defaultLabels(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("LABEL_" + i);
        }
        return names;
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    private static void probability(String field, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1), got " + p);
        }
    }
}
