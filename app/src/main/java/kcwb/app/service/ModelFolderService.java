package kcwb.app.service;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kcwb.training.model.ElectraConfig;
import kcwb.training.model.ElectraForSequenceClassification;
import kcwb.training.checkpoint.HfFolderWriter;

/**
 * Makes a random ELECTRA sequence-classification model folder (config.json, model.safetensors, tokenizer files)
 * and summarises an existing one. Shared by {@code kcwb model init|info} and the GUI.
 */
public final class ModelFolderService {
    /** Tokenizer files copied from the vocabulary folder when present. */
    static final List<String> TOKENIZER_FILES = List.of("vocab.txt", "tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json", "merges.txt", "vocab.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    public record InitRequest(String preset, Path vocabDir, List<String> labels, String problemType, Path outDir,
            long seed) {}

    public record ModelSummary(Path dir, String architecture, ElectraConfig config, long parameterCount,
            int expectedKeys, int storedTensors, List<String> missingKeys, List<String> unexpectedKeys) {}

    /** Validates everything, then writes the folder; fails if {@code outDir} exists and is not empty. */
    public ElectraConfig init(InitRequest request) throws IOException {
        if (request.labels().isEmpty()) {
            throw new IllegalArgumentException("--labels: give at least one label, e.g. --labels hate,offensive,none");
        }
        Set<String> unique = new LinkedHashSet<>(request.labels());
        if (unique.size() != request.labels().size() || unique.contains("")) {
            throw new IllegalArgumentException("--labels: names must be non-empty and distinct, got "
                    + request.labels());
        }
        Vocabulary vocabulary = Vocabulary.read(request.vocabDir());
        Path out = request.outDir();
        if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw new IllegalArgumentException(out + ": already exists and is not an empty folder");
        }
        ElectraConfig preset = ElectraConfig.preset(request.preset());
        ElectraConfig config = new ElectraConfig(vocabulary.size(), preset.embeddingSize(), preset.hiddenSize(),
                preset.numHiddenLayers(), preset.numAttentionHeads(), preset.intermediateSize(), preset.hiddenAct(),
                preset.hiddenDropoutProb(), preset.attentionProbsDropoutProb(), preset.maxPositionEmbeddings(),
                preset.typeVocabSize(), preset.layerNormEps(), preset.initializerRange(), vocabulary.padId(),
                preset.classifierDropout(), request.labels(), request.problemType());
        try (NDManager manager = NDManager.newBaseManager()) {
            var model = ElectraForSequenceClassification.create(config, manager, request.seed());
            HfFolderWriter.write(out, model, JSON.valueToTree(config.toHfJson(model.architecture())), request.vocabDir(),
                    null);
        }
        for (String name : TOKENIZER_FILES) {
            out.resolve(name).toFile().setWritable(true, true); // sources may be read-only (a shared cache); the copy is ours
        }
        return config;
    }

    /** Reads config.json and the safetensors header (no weights are loaded). */
    public ModelSummary info(Path dir) throws IOException {
        Path configFile = dir.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException(dir + ": no config.json; is this a Hugging Face model folder?");
        }
        ElectraConfig config = ElectraConfig.read(configFile);
        JsonNode architectures = JSON.readTree(configFile.toFile()).get("architectures");
        String architecture = architectures != null && architectures.isArray() && !architectures.isEmpty()
                ? architectures.get(0).asText() : "ElectraForSequenceClassification";
        var model = new ElectraForSequenceClassification(config);
        Set<String> expected = model.namedParameters().keySet();
        Path weights = dir.resolve("model.safetensors");
        Set<String> stored = Files.isRegularFile(weights) ? safetensorsKeys(weights) : Set.of();
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(stored);
        List<String> unexpected = new ArrayList<>(stored);
        unexpected.removeAll(expected);
        return new ModelSummary(dir, architecture, config, model.parameterCount(), expected.size(), stored.size(),
                missing, unexpected);
    }

    /** The tensor names in a safetensors header: an 8-byte little-endian length, then that much JSON. */
    static Set<String> safetensorsKeys(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] lengthBytes = in.readNBytes(8);
            long length = lengthBytes.length == 8
                    ? ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getLong() : -1;
            if (length <= 1 || length > 100_000_000 || length > Files.size(file) - 8) {
                throw new IOException(file + ": not a safetensors file (header length " + length + ")");
            }
            byte[] header = in.readNBytes((int) length);
            JsonNode root = JSON.readTree(new String(header, StandardCharsets.UTF_8));
            Set<String> keys = new LinkedHashSet<>();
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("__metadata__")) {
                    keys.add(key);
                }
            }
            return keys;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
