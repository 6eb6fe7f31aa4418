package kcwb.training.checkpoint;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;

/**
 * A Hugging Face model folder as {@code save_pretrained} writes it: {@code config.json}, weights
 * ({@code model.safetensors}, {@code pytorch_model.bin}, or either sharded with an
 * {@code *.index.json}), and tokenizer files. Safetensors wins when both formats are present, like
 * transformers.
 */
public record HfFolder(Path dir, Path config, WeightFormat format, List<Path> weightFiles, List<Path> tokenizerFiles) {
    public enum WeightFormat { SAFETENSORS, PYTORCH_BIN }

    public static final List<String> TOKENIZER_FILE_NAMES = List.of(
            "tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    public HfFolder {
        weightFiles = List.copyOf(weightFiles);
        tokenizerFiles = List.copyOf(tokenizerFiles);
    }

    public static HfFolder open(Path dir) throws CheckpointException {
        if (!Files.isDirectory(dir)) {
            throw CheckpointException.inFile(dir, "not a directory (expected a Hugging Face model folder)");
        }
        Path config = dir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            throw CheckpointException.inFile(dir, "no config.json: not a Hugging Face model folder");
        }
        List<Path> tokenizer = TOKENIZER_FILE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).toList();
        for (WeightFormat format : WeightFormat.values()) {
            String single = format == WeightFormat.SAFETENSORS ? "model.safetensors" : "pytorch_model.bin";
            if (Files.isRegularFile(dir.resolve(single))) {
                return new HfFolder(dir, config, format, List.of(dir.resolve(single)), tokenizer);
            }
            Path index = dir.resolve(single + ".index.json");
            if (Files.isRegularFile(index)) {
                return new HfFolder(dir, config, format, shardsOf(dir, index), tokenizer);
            }
        }
        throw CheckpointException.inFile(dir, "no weights: expected model.safetensors, pytorch_model.bin"
                + " or a sharded *.index.json");
    }

    public JsonNode readConfig() throws CheckpointException {
        try {
            JsonNode node = JSON.readTree(config.toFile());
            if (node == null || !node.isObject()) {
                throw CheckpointException.inFile(config, "config.json is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw CheckpointException.inFile(config, "invalid JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw CheckpointException.inFile(config, "cannot read: " + e);
        }
    }

    /** All tensors of all shards, shard by shard; a key in two shards is an error. */
    public StateDict readWeights() throws CheckpointException {
        SequencedMap<String, HostTensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Path file : weightFiles) {
            StateDict shard = format == WeightFormat.SAFETENSORS ? SafetensorsReader.read(file) : PytorchBinReader.read(file);
            for (var entry : shard.tensors().entrySet()) {
                if (tensors.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                    throw CheckpointException.inTensor(file, entry.getKey(), "also present in an earlier shard");
                }
            }
            metadata.putAll(shard.metadata());
        }
        return new StateDict(tensors, metadata);
    }

    private static List<Path> shardsOf(Path dir, Path index) throws CheckpointException {
        JsonNode weightMap;
        try {
            weightMap = JSON.readTree(index.toFile()).path("weight_map");
        } catch (IOException e) {
            throw CheckpointException.inFile(index, "cannot read the shard index: " + e.getMessage());
        }
        if (!weightMap.isObject() || weightMap.isEmpty()) {
            throw CheckpointException.inFile(index, "no \"weight_map\" object of tensor name -> shard file");
        }
        Set<String> names = new LinkedHashSet<>();
        weightMap.properties().forEach(e -> names.add(e.getValue().asText()));
        List<Path> shards = new ArrayList<>();
        Path root = dir.toAbsolutePath().normalize();
        for (String name : names) {
            Path shard = root.resolve(name).normalize();
            if (!shard.getParent().equals(root)) {
                throw CheckpointException.inFile(index, "shard '" + name + "' is outside the model folder");
            }
            if (!Files.isRegularFile(shard)) {
                throw CheckpointException.inFile(index, "shard '" + name + "' listed in weight_map does not exist");
            }
            shards.add(shard);
        }
        return shards;
    }
}
