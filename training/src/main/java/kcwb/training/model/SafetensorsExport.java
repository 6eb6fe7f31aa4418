package kcwb.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a model's parameters as {@code model.safetensors} under their HF keys, with DJL's safetensors encoder.
 * Minimal on purpose: kcwb.training.checkpoint owns the full HF folder writer and replaces this for exports.
 */
public final class SafetensorsExport {
    private SafetensorsExport() {}

    /** Writes to a temporary file beside {@code file} and moves it into place, so a crash leaves no half file. */
    public static void write(HfModule model, Path file) throws IOException {
        NDList tensors = new NDList();
        for (Map.Entry<String, Parameter> entry : model.namedParameters().entrySet()) {
            NDArray array = entry.getValue().getArray();
            array.setName(entry.getKey());
            tensors.add(array);
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            tensors.encode(out, NDList.Encoding.SAFETENSORS);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
