package kcwb.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Our KcBERT-Finetune presets equal the values in ../shared/reference/kcbert-finetune-configs/*.json. */
class TrainingPresetsIT {
    @Test
    void presetsMatchTheReferenceConfigs() throws Exception {
        Path dir = Path.of(System.getProperty("kcwb.shared.dir", "../shared"), "reference", "kcbert-finetune-configs");
        if (!Files.isDirectory(dir)) {
            System.err.println("TrainingPresetsIT skipped: " + dir + " is absent");
        }
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " is absent");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int checked = 0;
        for (Path file : files) {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            String task = json.get("task").asText();
            if (task.equals("korquad")) {
                continue;   // span QA, not sequence classification: no preset on purpose
            }
            TrainingConfig preset = TrainingPresets.kcbertFinetune().get(task);
            assertNotNull(preset, "no preset for task " + task + " (" + file.getFileName() + ")");
            String where = file.getFileName().toString();
            assertEquals(json.get("max_seq_len").asInt(), preset.maxLength(), where + " max_seq_len");
            assertEquals(json.get("train_batch_size").asInt(), preset.batchSize(), where + " train_batch_size");
            assertEquals(json.get("eval_batch_size").asInt(), preset.evalBatchSize(), where + " eval_batch_size");
            assertEquals(json.get("learning_rate").asDouble(), preset.learningRate(), where + " learning_rate");
            assertEquals(json.get("num_train_epochs").asInt(), preset.epochs(), where + " num_train_epochs");
            assertEquals(json.get("adam_epsilon").asDouble(), preset.adamEpsilon(), where + " adam_epsilon");
            assertEquals(json.get("weight_decay").asDouble(), preset.weightDecay(), where + " weight_decay");
            assertEquals(json.get("warmup_steps").asInt(), preset.warmupSteps(), where + " warmup_steps");
            assertEquals(json.get("gradient_accumulation_steps").asInt(), preset.gradientAccumulationSteps(), where);
            assertEquals(json.get("max_grad_norm").asDouble(), preset.maxGradNorm(), where + " max_grad_norm");
            assertEquals(json.get("seed").asLong(), preset.seed(), where + " seed");
            assertEquals(json.get("logging_steps").asInt(), preset.loggingSteps(), where + " logging_steps");
            assertEquals(Math.max(0, json.get("max_steps").asInt()), preset.maxSteps(), where + " max_steps");
            checked++;
        }
        assertTrue(checked >= TrainingPresets.kcbertFinetune().size(), "checked " + checked + " files");
    }
}
