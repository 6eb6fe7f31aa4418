package kcwb.training.finetune;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import kcwb.training.tokenize.KcTokenizer;

/**
 * The tiny model that ships in the jar ({@value KcTokenizer#DEMO_MODEL_RESOURCE}): its tokenizer files and,
 * when present, config.json + model.safetensors. Copied to a folder so it can be used like any HF folder.
 */
public final class DemoModel {
    public static final List<String> FILES = List.of("vocab.txt", "tokenizer_config.json", "special_tokens_map.json",
            "config.json", "model.safetensors");

    private DemoModel() {}

    /** Copies the demo files into {@code dir} (created) and returns it. */
    public static Path extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : FILES) {
            try (InputStream in = DemoModel.class.getResourceAsStream(KcTokenizer.DEMO_MODEL_RESOURCE + "/" + name)) {
                if (in != null) {
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dir;
    }

    /** Whether the jar holds demo weights (config.json + model.safetensors), not only the tokenizer. */
    public static boolean hasWeights() {
        return DemoModel.class.getResource(KcTokenizer.DEMO_MODEL_RESOURCE + "/model.safetensors") != null
                && DemoModel.class.getResource(KcTokenizer.DEMO_MODEL_RESOURCE + "/config.json") != null;
    }
}
