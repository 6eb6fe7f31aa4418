package kcwb.app.service.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kcwb.training.finetune.DemoModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelInspectorTest {
    @TempDir
    Path temp;

    @Test
    void describesAHubSnapshotLikeModelInfoWithSizeAndTokenizerKind() throws IOException {
        Path snapshot = ModelFixtures.hubSnapshot(temp, "beomi/KcELECTRA-base", "v2022", ModelFixtures.COMMIT);
        ModelDescription description = new ModelInspector().describe(snapshot);
        assertNull(description.problem());
        assertEquals("ElectraForSequenceClassification", description.architecture());
        assertEquals(Files.readAllLines(snapshot.resolve("vocab.txt")).size(), description.vocabSize());
        assertEquals(ModelDescription.TokenizerKind.WORDPIECE, description.tokenizer());
        assertEquals("safetensors", description.weightFormat());
        long expected = 0;
        for (String name : DemoModel.FILES) {
            expected += Files.size(snapshot.resolve(name)); // through the symlinks to the blobs
        }
        assertEquals(expected, description.sizeBytes());
        assertTrue(description.parameterCount() > 0);
    }

    @Test
    void theLoadCheckReadsEveryWeightAndTheTokenizer() throws IOException {
        Path demo = DemoModel.extractTo(temp.resolve("demo"));
        ModelInspector.LoadCheck check = new ModelInspector().loadCheck(demo);
        assertTrue(check.loadable(), check.summary());
        assertTrue(check.summary().startsWith("loaded "), check.summary());
        assertTrue(check.summary().contains("tokenizer: "), check.summary());
    }

    @Test
    void aBrokenFolderIsAProblemNotAnException() throws IOException {
        Path broken = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(broken.resolve("config.json"), "{ not json");
        ModelDescription description = new ModelInspector().describe(broken);
        assertFalse(description.readable());
        ModelInspector.LoadCheck check = new ModelInspector().loadCheck(broken);
        assertFalse(check.loadable());
        assertTrue(check.summary().contains("broken"), check.summary());
    }

    @Test
    void bpeAndWordPieceAreToldApartByTokenizerJson() throws IOException {
        Path bpe = Files.createDirectories(temp.resolve("bpe"));
        Files.writeString(bpe.resolve("tokenizer.json"), "{\"model\": {\"type\": \"BPE\"}}");
        assertEquals(ModelDescription.TokenizerKind.BPE, ModelInspector.tokenizerKind(bpe));
        Files.writeString(bpe.resolve("tokenizer.json"), "{\"model\": {\"type\": \"WordPiece\"}}");
        assertEquals(ModelDescription.TokenizerKind.WORDPIECE, ModelInspector.tokenizerKind(bpe));
        assertEquals(ModelDescription.TokenizerKind.NONE, ModelInspector.tokenizerKind(temp.resolve("nothing")));
    }
}
