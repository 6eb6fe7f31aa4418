package kcwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kcwb bench load} loads every tensor of a model folder and reports times; a missing folder exits 2. */
class BenchLoadCommandTest {
    @TempDir
    Path tmp;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliHarness.run(out, err, args);
    }

    @Test
    void loadsEveryTensorOfATinyModelAndPrintsTheRatio() throws IOException {
        Path vocab = Files.createDirectories(tmp.resolve("vocab"));
        List<String> tokens = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "가", "나"));
        Files.write(vocab.resolve("vocab.txt"), tokens);
        Files.writeString(vocab.resolve("tokenizer_config.json"), "{\"do_lower_case\": false}");
        Path model = tmp.resolve("model");
        assertEquals(0, run("model", "init", "--config-preset", "tiny", "--vocab", vocab.toString(),
                "--labels", "a,b", "--out", model.toString()), err.toString());

        assertEquals(0, run("bench", "load", "--model", model.toString()), err.toString());
        String report = out.toString();
        assertTrue(report.contains("SAFETENSORS") && report.contains("41 tensors"), report);
        assertTrue(report.matches("(?s).*load: [0-9.]+ s \\(read [0-9.]+ s \\+ copy into the model [0-9.]+ s\\) = [0-9.]+x the raw read.*"), report);
    }

    @Test
    void aFolderWithoutWeightsIsAUserError() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(2, run("bench", "load", "--model", empty.toString()));
        assertTrue(err.toString().contains(empty.toString()), err.toString());
    }
}
