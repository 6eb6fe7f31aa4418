package kcwb.training.checkpoint;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kcwb.training.model.HfModule;

/**
 * Writes a model folder that Python {@code transformers} loads unchanged: {@code config.json},
 * {@code model.safetensors} (with {@code format=pt} metadata), the tokenizer files, and optionally
 * {@code kcwb-provenance.json}. The folder is built beside the target and renamed into place, so a
 * crash leaves either the old folder or the new one, never half of one.
 */
public final class HfFolderWriter {
    public static final String PROVENANCE_FILE = "kcwb-provenance.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HfFolderWriter() {}

    /** Snapshots the model's parameters and writes the folder. */
    public static void write(Path outDir, HfModule model, JsonNode config, Path tokenizerDir, String provenanceJson)
            throws IOException {
        write(outDir, ModelWeights.snapshot(model), config, tokenizerDir, provenanceJson);
    }

    /** As {@link #write(Path, StateDict, JsonNode, Path, String)} with the config as a map. */
    public static void write(Path outDir, StateDict weights, Map<String, ?> config, Path tokenizerDir, String provenanceJson)
            throws IOException {
        write(outDir, weights, (JsonNode) JSON.valueToTree(config), tokenizerDir, provenanceJson);
    }

    /**
     * @param config the HF config ({@code model_type}, {@code architectures}, {@code id2label}, ...), written with sorted keys
     * @param tokenizerDir folder whose {@link HfFolder#TOKENIZER_FILE_NAMES} present are copied; null for none
     * @param provenanceJson copied verbatim to {@value #PROVENANCE_FILE} when not null
     */
    public static void write(Path outDir, StateDict weights, JsonNode config, Path tokenizerDir, String provenanceJson)
            throws IOException {
        if (!config.isObject()) {
            throw new IllegalArgumentException("config must be a JSON object");
        }
        Path target = outDir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw CheckpointException.inFile(target, "exists and is not a directory");
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".partial-");
        try {
            Files.writeString(partial.resolve("config.json"), configJson(config), StandardCharsets.UTF_8);
            SafetensorsWriter.write(partial.resolve("model.safetensors"), weights);
            if (tokenizerDir != null) {
                copyTokenizer(tokenizerDir, partial);
            }
            if (provenanceJson != null) {
                JSON.readTree(provenanceJson); // refuse to export a broken provenance record
                Files.writeString(partial.resolve(PROVENANCE_FILE), provenanceJson, StandardCharsets.UTF_8);
            }
            replace(target, partial);
        } finally {
            deleteRecursively(partial);
        }
    }

    /** Like transformers' {@code to_json_string}: keys sorted, two-space indent, trailing newline. */
    static String configJson(JsonNode config) throws IOException {
        Object sorted = sortKeys(JSON.convertValue(config, Object.class));
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer(printer).writeValueAsString(sorted) + "\n";
    }

    private static Object sortKeys(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), sortKeys(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(HfFolderWriter::sortKeys).toList();
        }
        return value;
    }

    private static void copyTokenizer(Path tokenizerDir, Path into) throws IOException {
        boolean any = false;
        for (String name : HfFolder.TOKENIZER_FILE_NAMES) {
            Path source = tokenizerDir.resolve(name);
            if (Files.isRegularFile(source)) {
                Files.copy(source, into.resolve(name));
                any = true;
            }
        }
        if (!any) {
            throw CheckpointException.inFile(tokenizerDir, "no tokenizer files (" + HfFolder.TOKENIZER_FILE_NAMES + ")");
        }
    }

    /** Moves the old folder aside, the new one in, then deletes the old one. */
    private static void replace(Path target, Path partial) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteRecursively(old);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
