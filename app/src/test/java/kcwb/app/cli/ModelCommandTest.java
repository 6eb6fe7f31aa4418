package kcwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kcwb model init} writes a loadable folder; {@code kcwb model info} summarises it; bad input exits 2. */
class ModelCommandTest {
    @TempDir
    Path tmp;
    Path vocab;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void writeVocabulary() throws IOException {
        vocab = Files.createDirectories(tmp.resolve("vocab"));
        List<String> tokens = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        for (int i = 0; i < 45; i++) {
            tokens.add("tok" + i);
        }
        Files.write(vocab.resolve("vocab.txt"), tokens);
        Files.writeString(vocab.resolve("tokenizer_config.json"), "{\"do_lower_case\": false}");
    }

    private int run(String... args) {
        return CliHarness.run(out, err, args);
    }

    @Test
    void initWritesAModelFolderAndInfoSummarisesIt() throws IOException {
        Path model = tmp.resolve("model");
        assertEquals(0, run("model", "init", "--config-preset", "tiny", "--vocab", vocab.toString(),
                "--labels", "hate,offensive,none", "--out", model.toString()), err.toString());
        for (String file : List.of("config.json", "model.safetensors", "vocab.txt", "tokenizer_config.json")) {
            assertTrue(Files.isRegularFile(model.resolve(file)), file);
        }
        String config = Files.readString(model.resolve("config.json"));
        assertTrue(config.contains("\"vocab_size\": 50"), config);
        assertTrue(config.contains("\"offensive\": 1"), config);
        assertEquals(0, run("model", "info", model.toString()), err.toString());
        String info = out.toString();
        assertTrue(info.contains("ElectraForSequenceClassification"), info);
        assertTrue(info.contains("3 [hate, offensive, none]"), info);
        assertTrue(info.contains("41 expected, 41 in model.safetensors"), info);
        assertFalse(info.contains("missing"), info);
    }

    @Test
    void badInputIsAClearErrorWithExitCode2() throws IOException {
        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("keep.txt"), "mine");
        assertFails("a folder", "model", "init", "--vocab", tmp.resolve("nope").toString(), "--labels", "a,b",
                "--out", tmp.resolve("m1").toString());
        assertFails("not an empty folder", "model", "init", "--vocab", vocab.toString(), "--labels", "a,b",
                "--out", busy.toString());
        assertEquals("mine", Files.readString(busy.resolve("keep.txt")), "nothing overwritten");
        assertFails("distinct", "model", "init", "--vocab", vocab.toString(), "--labels", "a,a",
                "--out", tmp.resolve("m2").toString());
        assertFails("unknown config preset", "model", "init", "--config-preset", "huge", "--vocab",
                vocab.toString(), "--labels", "a,b", "--out", tmp.resolve("m3").toString());
        assertFalse(Files.exists(tmp.resolve("m3")), "nothing written on a validation error");
        assertFails("no config.json", "model", "info", tmp.toString());
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("config.json"), "{\"hidden_act\": \"relu6\"}");
        assertFails("hidden_act", "model", "info", broken.toString());
    }

    private void assertFails(String expectedMessage, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(CliExceptionHandler.EXIT_BAD_INPUT, run(args), err.toString());
        assertTrue(err.toString().contains(expectedMessage), err.toString());
    }
}
