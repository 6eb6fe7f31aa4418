package kcwb.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfFolderTest {
    @TempDir
    Path tmp;

    @Test
    void findsPytorchBinAndTokenizerFiles() throws IOException {
        HfFolder folder = HfFolder.open(CheckpointFixtures.path("roundtrip/source"));
        assertEquals(HfFolder.WeightFormat.PYTORCH_BIN, folder.format());
        assertEquals(List.of("vocab.txt", "tokenizer_config.json", "special_tokens_map.json"),
                folder.tokenizerFiles().stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(folder.readWeights().tensors().containsKey("electra.embeddings.word_embeddings.weight"));
    }

    @Test
    void readsShardedSafetensorsThroughTheIndex() throws IOException {
        StateDict all = SafetensorsReader.read(CheckpointFixtures.path("tensors/model.safetensors"));
        SequencedMap<String, HostTensor> first = new LinkedHashMap<>();
        SequencedMap<String, HostTensor> second = new LinkedHashMap<>();
        StringBuilder map = new StringBuilder();
        int i = 0;
        for (var entry : all.tensors().entrySet()) {
            boolean inFirst = i++ % 2 == 0;
            (inFirst ? first : second).put(entry.getKey(), entry.getValue());
            map.append(map.isEmpty() ? "" : ",").append('"').append(entry.getKey()).append("\":\"")
                    .append(inFirst ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors").append('"');
        }
        SafetensorsWriter.write(tmp.resolve("model-00001-of-00002.safetensors"), StateDict.of(first));
        SafetensorsWriter.write(tmp.resolve("model-00002-of-00002.safetensors"), StateDict.of(second));
        Files.writeString(tmp.resolve("model.safetensors.index.json"), "{\"metadata\":{},\"weight_map\":{" + map + "}}");
        Files.writeString(tmp.resolve("config.json"), "{\"model_type\":\"electra\"}");
        HfFolder folder = HfFolder.open(tmp);
        assertEquals(2, folder.weightFiles().size());
        CheckpointFixtures.assertMatchesExpected(folder.readWeights());
    }

    @Test
    void clearErrorsForFoldersThatAreNotModels() throws IOException {
        assertTrue(assertThrows(CheckpointException.class, () -> HfFolder.open(tmp)).getMessage().contains("no config.json"));
        Files.writeString(tmp.resolve("config.json"), "{}");
        assertTrue(assertThrows(CheckpointException.class, () -> HfFolder.open(tmp)).getMessage().contains("no weights"));
        Files.writeString(tmp.resolve("pytorch_model.bin.index.json"), "{\"weight_map\":{\"a\":\"../evil.bin\"}}");
        assertTrue(assertThrows(CheckpointException.class, () -> HfFolder.open(tmp)).getMessage().contains("outside the model folder"));
        Files.writeString(tmp.resolve("pytorch_model.bin.index.json"), "{\"weight_map\":{\"a\":\"shard.bin\"}}");
        assertTrue(assertThrows(CheckpointException.class, () -> HfFolder.open(tmp)).getMessage().contains("does not exist"));
    }
}
