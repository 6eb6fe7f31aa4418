package kcwb.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import kcwb.training.checkpoint.HfFolderWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java saves → Python loads → same logits. fixtures/electra/java_saved was written by {@code kcwb model init ...
 * --seed 7}; its check_java_saved.py loaded it with transformers and saved the logits it computes. Here the same
 * seed must rebuild the same weights, the HF folder writer must write them again bit for bit, and Java's logits must
 * equal Python's.
 */
class JavaSavedModelRoundTripTest {
    @Test
    void theSameSeedRebuildsTheSavedWeightsAndPythonComputesTheSameLogits(@TempDir Path tmp) throws IOException {
        Path folder = ElectraFixture.root().resolve("java_saved");
        try (NDManager manager = NDManager.newBaseManager()) {
            ElectraConfig config = ElectraConfig.read(folder.resolve("config.json"));
            var model = ElectraForSequenceClassification.create(config, manager, 7);
            HfFolderWriter.write(tmp.resolve("out"), model,
                    new ObjectMapper().valueToTree(config.toHfJson(model.architecture())), null, null);
            Path written = tmp.resolve("out").resolve("model.safetensors");
            Map<String, NDArray> committed = ElectraFixture.read(folder.resolve("model.safetensors"), manager);
            Map<String, NDArray> rewritten = ElectraFixture.read(written, manager);
            assertEquals(model.namedParameters().keySet(), committed.keySet());
            for (String key : committed.keySet()) {
                assertArrayEquals(committed.get(key).toFloatArray(), rewritten.get(key).toFloatArray(), key);
                assertEquals(committed.get(key).getShape(), rewritten.get(key).getShape(), key);
            }
            ElectraFixture inputs = ElectraFixture.load("seq_single", manager);
            NDArray logits = model.forward(new ParameterStore(manager, false), inputs.inputs(), false)
                    .singletonOrThrow();
            NDArray python = ElectraFixture.read(folder.resolve("python_logits.safetensors"), manager).get("logits");
            double diff = ElectraParityTest.maxAbsDiff(logits, python);
            System.out.printf("java_saved: max |Java - Python logits| %.3g%n", diff);
            assertTrue(diff <= ElectraParityTest.LOGITS_TOLERANCE, "logits differ by " + diff);
        }
    }
}
