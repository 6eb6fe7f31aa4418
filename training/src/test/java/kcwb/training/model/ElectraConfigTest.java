package kcwb.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ElectraConfigTest {
    @Test
    void readsTheFixtureConfigWrittenByTransformers() throws IOException {
        ElectraConfig config = ElectraConfig.read(ElectraFixture.root().resolve("seq_embproj/config.json"));
        assertEquals(60, config.vocabSize());
        assertEquals(16, config.embeddingSize());
        assertEquals(32, config.hiddenSize());
        assertEquals(2, config.numHiddenLayers());
        assertEquals(4, config.numAttentionHeads());
        assertEquals(37, config.intermediateSize());
        assertEquals(40, config.maxPositionEmbeddings());
        assertEquals(1e-12, config.layerNormEps());
        assertEquals(List.of("L0", "L1"), config.labels());
        assertEquals(ElectraConfig.SINGLE_LABEL, config.problemType());
        assertEquals(0.0, config.effectiveClassifierDropout());
    }

    @Test
    void bertConfigsShareTheEncoderAndHaveFullWidthEmbeddings() throws IOException {
        ElectraConfig config = ElectraConfig.fromJson("""
                {"model_type": "bert", "hidden_size": 64, "num_attention_heads": 4, "num_hidden_layers": 1,
                 "intermediate_size": 128, "vocab_size": 100}""");
        assertEquals(64, config.embeddingSize());
        assertEquals(List.of("LABEL_0", "LABEL_1"), config.labels());
        assertNull(config.problemType());
    }

    @Test
    void electraDefaultsAreHfElectraConfigDefaults() throws IOException {
        ElectraConfig config = ElectraConfig.fromJson("{\"model_type\": \"electra\"}");
        assertEquals(128, config.embeddingSize());
        assertEquals(256, config.hiddenSize());
        assertEquals(0.1, config.effectiveClassifierDropout());
    }

    @Test
    void roundTripsThroughHfJson() throws IOException {
        ElectraConfig config = ElectraConfig.tiny().withLabels(List.of("hate", "offensive", "none"),
                ElectraConfig.MULTI_LABEL);
        String json = config.toHfJsonString("ElectraForSequenceClassification");
        assertEquals(config, ElectraConfig.fromJson(json));
        var tree = new ObjectMapper().readTree(json);
        assertEquals("offensive", tree.get("id2label").get("1").asText());
        assertEquals(2, tree.get("label2id").get("none").asInt());
        assertEquals("ElectraForSequenceClassification", tree.get("architectures").get(0).asText());
        assertEquals("electra", tree.get("model_type").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"hidden_size\": 30, \"num_attention_heads\": 4}|not a multiple",
        "{\"hidden_act\": \"gelu_new\"}|hidden_act \"gelu_new\" is not supported",
        "{\"position_embedding_type\": \"relative_key\"}|position_embedding_type",
        "{\"model_type\": \"roberta\"}|model_type \"roberta\"",
        "{\"vocab_size\": 0}|vocab_size must be positive",
        "{\"vocab_size\": \"many\"}|vocab_size must be an integer",
        "{\"hidden_dropout_prob\": 1.5}|hidden_dropout_prob",
        "{\"id2label\": {\"0\": \"a\", \"2\": \"b\"}}|without gaps",
        "{\"problem_type\": \"ranking\"}|problem_type",
        "{\"pad_token_id\": 99, \"vocab_size\": 10}|pad_token_id 99"})
    void rejectsWhatTheModelCannotComputeWithAClearMessage(String caseText) {
        String[] parts = caseText.split("\\|");
        var error = assertThrows(IllegalArgumentException.class, () -> ElectraConfig.fromJson(parts[0]));
        assertTrue(error.getMessage().contains(parts[1]), error.getMessage());
    }

    @Test
    void aBadFileIsNamedInTheError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"hidden_act\": \"swish\"}");
        var error = assertThrows(IllegalArgumentException.class, () -> ElectraConfig.read(file));
        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"hidden_size\": ");
        var ioError = assertThrows(IOException.class, () -> ElectraConfig.read(broken));
        assertTrue(ioError.getMessage().contains("broken.json"), ioError.getMessage());
    }

    @Test
    void presetsHaveTheirDocumentedGeometry() {
        assertEquals(List.of(32, 2, 4), geometry(ElectraConfig.preset("tiny")));
        assertEquals(List.of(256, 4, 4), geometry(ElectraConfig.preset("small")));
        assertEquals(List.of(768, 12, 12), geometry(ElectraConfig.preset("base")));
        assertEquals(1024, ElectraConfig.small().intermediateSize());
        assertEquals(3072, ElectraConfig.base().intermediateSize());
        assertThrows(IllegalArgumentException.class, () -> ElectraConfig.preset("huge"));
    }

    private static List<Integer> geometry(ElectraConfig config) {
        return List.of(config.hiddenSize(), config.numHiddenLayers(), config.numAttentionHeads());
    }
}
