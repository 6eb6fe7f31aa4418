package kcwb.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip: roundtrip/source (a tiny ElectraForSequenceClassification saved by torch) is read and
 * written by Java; the committed roundtrip/java-written folder was checked by check_roundtrip.py
 * (transformers loads it, identical logits). This test keeps the writer producing exactly those bytes.
 * Regenerate after an intended change with -Dkcwb.regenerateFixtures=true, then re-run check_roundtrip.py.
 */
class HfFolderWriterTest {
    private static final List<String> FOLDER_FILES = List.of("config.json", "model.safetensors", "vocab.txt",
            "tokenizer_config.json", "special_tokens_map.json", HfFolderWriter.PROVENANCE_FILE);
    private static final String PROVENANCE = "{\"schemaVersion\": 1, \"note\": \"round-trip fixture\"}\n";

    @TempDir
    Path tmp;

    @Test
    void writesTheFolderPythonTransformersWasCheckedAgainst() throws IOException {
        Path out = tmp.resolve("model");
        writeRoundTripFolder(out);
        if (Boolean.getBoolean("kcwb.regenerateFixtures")) {
            writeRoundTripFolder(Path.of("src/test/resources/fixtures/checkpoint/roundtrip/java-written"));
        }
        Path committed = CheckpointFixtures.path("roundtrip/java-written");
        for (String name : FOLDER_FILES) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(name)), Files.readAllBytes(out.resolve(name)), name);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(FOLDER_FILES.size(), files.count());
        }
    }

    @Test
    void writtenFolderReadsBackToTheSourceTensors() throws IOException {
        Path out = tmp.resolve("model");
        writeRoundTripFolder(out);
        HfFolder folder = HfFolder.open(out);
        assertEquals(HfFolder.WeightFormat.SAFETENSORS, folder.format());
        StateDict back = folder.readWeights();
        StateDict source = HfFolder.open(CheckpointFixtures.path("roundtrip/source")).readWeights();
        assertEquals(source.tensors().keySet(), back.tensors().keySet());
        for (String key : source.tensors().keySet()) {
            assertEquals(source.get(key).data(), back.get(key).data(), key);
        }
        assertEquals("electra", folder.readConfig().get("model_type").asText());
    }

    @Test
    void replacesAnExistingFolderAndLeavesNoTemporaryFolders() throws IOException {
        Path out = tmp.resolve("model");
        Files.createDirectories(out);
        Files.writeString(out.resolve("stale.txt"), "old export");
        writeRoundTripFolder(out);
        assertFalse(Files.exists(out.resolve("stale.txt")));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of(out), siblings.toList());
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFolder() throws IOException {
        Path out = tmp.resolve("model");
        Files.createDirectories(out);
        Files.writeString(out.resolve("config.json"), "{}");
        Path emptyTokenizer = Files.createDirectories(tmp.resolve("no-tokenizer"));
        StateDict weights = HfFolder.open(CheckpointFixtures.path("roundtrip/source")).readWeights();
        assertThrows(CheckpointException.class,
                () -> HfFolderWriter.write(out, weights, Map.of("model_type", "electra"), emptyTokenizer, null));
        assertEquals("{}", Files.readString(out.resolve("config.json")));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(2, siblings.count(), "only model/ and no-tokenizer/ remain");
        }
    }

    @Test
    void configIsWrittenWithSortedKeysLikeTransformers() throws IOException {
        String json = HfFolderWriter.configJson(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(Map.of("num_labels", 2, "architectures", List.of("ElectraForSequenceClassification"),
                        "id2label", Map.of("1", "hate", "0", "none"))));
        assertEquals("""
                {
                  "architectures": [
                    "ElectraForSequenceClassification"
                  ],
                  "id2label": {
                    "0": "none",
                    "1": "hate"
                  },
                  "num_labels": 2
                }
                """, json);
    }

    static void writeRoundTripFolder(Path out) throws IOException {
        HfFolder source = HfFolder.open(CheckpointFixtures.path("roundtrip/source"));
        JsonNode config = source.readConfig();
        HfFolderWriter.write(out, source.readWeights(), config, source.dir(), PROVENANCE);
    }
}
