package kcwb.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One case folder of {@code fixtures/electra} (made by make_fixture.py): the HF model, its expected outputs and
 * gradients. Weights are copied into {@code namedParameters()} by key; the production loader lives in
 * kcwb.training.checkpoint.
 */
record ElectraFixture(Path folder, ElectraConfig config, JsonNode expectedJson, Map<String, NDArray> expected) {

    static Path root() {
        try {
            return Path.of(ElectraFixture.class.getResource("/fixtures/electra").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ElectraFixture load(String caseName, NDManager manager) {
        Path folder = root().resolve(caseName);
        try {
            ElectraConfig config = ElectraConfig.read(folder.resolve("config.json"));
            JsonNode json = Files.exists(folder.resolve("expected.json"))
                    ? new ObjectMapper().readTree(folder.resolve("expected.json").toFile()) : null;
            Map<String, NDArray> expected = Files.exists(folder.resolve("expected.safetensors"))
                    ? read(folder.resolve("expected.safetensors"), manager) : Map.of();
            return new ElectraFixture(folder, config, json, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, NDArray> read(Path safetensors, NDManager manager) {
        try (InputStream in = Files.newInputStream(safetensors)) {
            NDList list = NDList.decode(manager, in);
            Map<String, NDArray> byName = new HashMap<>();
            for (NDArray array : list) {
                byName.put(array.getName(), array);
            }
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> expectedKeys() {
        List<String> keys = new ArrayList<>();
        expectedJson.get("keys").forEach(node -> keys.add(node.asText()));
        return keys;
    }

    /** A model of the fixture's architecture holding the fixture's weights. */
    ElectraHeadModel model(NDManager manager) {
        ElectraHeadModel model = expectedJson == null
                || expectedJson.get("architecture").asText().equals("ElectraForSequenceClassification")
                ? ElectraForSequenceClassification.create(config, manager, 0)
                : ElectraForTokenClassification.create(config, manager, 0);
        copyInto(model, read(folder.resolve("model.safetensors"), manager));
        return model;
    }

    static void copyInto(HfModule model, Map<String, NDArray> weights) {
        Map<String, Parameter> named = model.namedParameters();
        if (!named.keySet().equals(weights.keySet())) {
            throw new IllegalStateException("fixture keys " + weights.keySet() + " != model keys " + named.keySet());
        }
        named.forEach((key, parameter) -> {
            NDArray source = weights.get(key);
            if (!source.getShape().equals(parameter.getShape())) {
                throw new IllegalStateException(key + ": fixture " + source.getShape() + " model "
                        + parameter.getShape());
            }
            parameter.getArray().set(source.toFloatArray());
        });
    }

    NDList inputs() {
        return new NDList(expected.get("input_ids"), expected.get("attention_mask"), expected.get("token_type_ids"));
    }
}
