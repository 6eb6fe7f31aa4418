package kcwb.training.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kcwb.training.checkpoint.HfFolderWriter;
import kcwb.training.model.ElectraConfig;
import kcwb.training.model.ElectraForSequenceClassification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A base folder's encoder is loaded; its head only when the labels match, else a new head is reported. */
class BaseModelTest {
    private static final String WORD_EMBEDDINGS = "electra.embeddings.word_embeddings.weight";
    private static final String HEAD = "classifier.out_proj.weight";

    @TempDir
    Path tmp;

    private Path baseFolder(NDManager manager, List<String> labels) throws IOException {
        ElectraConfig config = ElectraConfig.tiny().withVocabSize(60).withLabels(labels, ElectraConfig.SINGLE_LABEL);
        var model = ElectraForSequenceClassification.create(config, manager, 5);
        Path dir = tmp.resolve("base-" + labels.size());
        HfFolderWriter.write(dir, model, new ObjectMapper().valueToTree(config.toHfJson(model.architecture())), null, null);
        return dir;
    }

    @Test
    void otherLabelsGetANewlyInitialisedHeadOnTheLoadedEncoder() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = baseFolder(manager, List.of("a", "b"));
            var saved = ElectraForSequenceClassification.create(
                    ElectraConfig.tiny().withVocabSize(60).withLabels(List.of("a", "b"), ElectraConfig.SINGLE_LABEL), manager, 5);
            var loaded = BaseModel.folder(dir).load(List.of("x", "y", "z"), ElectraConfig.SINGLE_LABEL, 60, 0, manager, 9);
            assertTrue(loaded.report().newlyInitialized().contains(HEAD), loaded.report().summary());
            assertEquals(3, loaded.model().namedParameters().get(HEAD).getArray().getShape().get(0));
            assertArrayEquals(saved.namedParameters().get(WORD_EMBEDDINGS).getArray().toFloatArray(),
                    loaded.model().namedParameters().get(WORD_EMBEDDINGS).getArray().toFloatArray());
            assertEquals(64, loaded.provenance().weightsSha256().length());
            assertEquals(List.of("x", "y", "z"), loaded.config().labels());
        }
    }

    @Test
    void theSameLabelsKeepTheTrainedHead() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = baseFolder(manager, List.of("a", "b"));
            var loaded = BaseModel.folder(dir).load(List.of("a", "b"), ElectraConfig.SINGLE_LABEL, 60, 0, manager, 9);
            assertTrue(loaded.report().newlyInitialized().isEmpty(), loaded.report().summary());
        }
    }

    @Test
    void aTokenizerLargerThanTheEmbeddingIsRefused() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path dir = baseFolder(manager, List.of("a", "b"));
            var e = assertThrows(IOException.class,
                    () -> BaseModel.folder(dir).load(List.of("a", "b"), ElectraConfig.SINGLE_LABEL, 61, 0, manager, 9));
            assertTrue(e.getMessage().contains("vocabulary has 60 rows but the tokenizer has 61"), e.getMessage());
        }
    }

    @Test
    void aPresetIsSizedToTheTokenizer() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            var loaded = BaseModel.fromScratch("tiny").load(List.of("a", "b", "c"), ElectraConfig.SINGLE_LABEL, 5769, 0,
                    manager, 1);
            assertEquals(5769, loaded.config().vocabSize());
            assertEquals("from-scratch:tiny", loaded.provenance().weightsSha256());
        }
    }
}
