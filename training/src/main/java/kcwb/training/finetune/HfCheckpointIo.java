package kcwb.training.finetune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import kcwb.training.checkpoint.HfFolder;
import kcwb.training.checkpoint.HfFolderWriter;
import kcwb.training.checkpoint.StateDictLoader;
import kcwb.training.eval.Evaluation;
import kcwb.training.model.ElectraConfig;
import kcwb.training.model.HfModule;
import kcwb.training.train.CheckpointReader;
import kcwb.training.train.CheckpointWriter;

/**
 * The engine's checkpoint hooks as HF folders: config.json (with id2label/label2id/problem_type),
 * model.safetensors, the tokenizer files, {@value #METRICS_FILE} and {@code kcwb-provenance.json}.
 */
public final class HfCheckpointIo {
    public static final String METRICS_FILE = "kcwb-metrics.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HfCheckpointIo() {}

    /**
     * @param provenance the current provenance JSON (read at each save), or null
     */
    public static CheckpointWriter writer(ElectraConfig config, String architecture, Path tokenizerDir,
            Supplier<String> provenance) {
        return (dir, model, step, metrics) -> {
            HfFolderWriter.write(dir, model, JSON.valueToTree(config.toHfJson(architecture)), tokenizerDir,
                    provenance == null ? null : provenance.get());
            writeMetrics(dir, step, metrics);
        };
    }

    /** Loads model.safetensors back into a same-shaped model; a mismatch is an IOException naming the folder. */
    public static CheckpointReader reader() {
        return (dir, model) -> load(dir, model);
    }

    public static void load(Path dir, HfModule model) throws IOException {
        HfFolder folder = HfFolder.open(dir);
        StateDictLoader.load(model, folder.readWeights(), StateDictLoader.ELECTRA_PREFIX);
    }

    static void writeMetrics(Path dir, long step, Evaluation metrics) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("step", step);
        json.put("metrics", metrics);
        JSON.writeValue(dir.resolve(METRICS_FILE).toFile(), json);
    }

    /** The metrics a checkpoint was saved with, or null (saved on cancel, or not a kcwb checkpoint). */
    public static Evaluation readMetrics(Path dir) throws IOException {
        Path file = dir.resolve(METRICS_FILE);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        var node = JSON.readTree(file.toFile()).get("metrics");
        return node == null || node.isNull() ? null : JSON.treeToValue(node, Evaluation.class);
    }
}
