package kcwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kcwb train → eval → predict → export-model on a tiny from-scratch model, and the error paths (exit 2). */
class TrainCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path shared;
    static Path run;
    static String trainOutput;

    @TempDir
    Path tmp;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    static Path data(String name) {
        try {
            return Path.of(TrainCommandsTest.class.getResource("/kcwb/app/train/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    int kcwb(String... args) {
        return CliHarness.run(out, err, args);
    }

    @BeforeAll
    static void trainOnce() {
        run = shared.resolve("run");
        var test = new TrainCommandsTest();
        int code = test.kcwb("train", "--train", data("train.tsv").toString(), "--dev", data("dev.tsv").toString(),
                "--preset", "tiny", "--max-steps", "6", "--eval-every", "3", "--lr", "5e-3", "--logging-steps", "1",
                "--out", run.toString(), "--json");
        trainOutput = test.out.toString();
        assertEquals(0, code, test.err.toString());
    }

    @Test
    void trainPrintsOneJsonObjectPerEventAndWritesCheckpoints() throws IOException {
        List<JsonNode> events = trainOutput.lines().map(TrainCommandsTest::json).toList();
        assertEquals("started", events.getFirst().get("kind").asText());
        assertEquals("finished", events.getLast().get("kind").asText());
        assertEquals(6, events.stream().filter(e -> e.get("kind").asText().equals("step")).count());
        JsonNode step = events.stream().filter(e -> e.get("kind").asText().equals("step")).findFirst().orElseThrow();
        for (String field : List.of("loss", "learning_rate", "samples_per_second", "eta_seconds")) {
            assertTrue(step.has(field), field);
        }
        assertTrue(Files.isRegularFile(run.resolve("checkpoint-6/model.safetensors")));
        assertTrue(Files.isRegularFile(run.resolve("kcwb-provenance.json")));
    }

    @Test
    void evalPrintsMetricsAndTheConfusionMatrix() {
        assertEquals(0, kcwb("eval", "--model", run.resolve("checkpoint-6").toString(), "--data", data("dev.tsv").toString()),
                err.toString());
        String text = out.toString();
        assertTrue(text.contains("15 examples") && text.contains("macro-F1") && text.contains("confusion"), text);
        out.getBuffer().setLength(0);
        assertEquals(0, kcwb("eval", "--model", run.resolve("checkpoint-6").toString(), "--data", data("dev.tsv").toString(),
                "--json"));
        assertEquals(15, json(out.toString().strip()).get("examples").asInt());
    }

    @Test
    void predictReadsStringsAndObjectsAndWritesProbabilities() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("\"정말 최고예요\"\n{\"text\": \"한심하다 ㅉㅉ\"}\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(0, kcwb("predict", "--model", run.resolve("checkpoint-6").toString()), err.toString());
        } finally {
            System.setIn(stdin);
        }
        List<JsonNode> lines = out.toString().lines().map(TrainCommandsTest::json).toList();
        assertEquals(2, lines.size());
        for (JsonNode line : lines) {
            double sum = 0;
            for (JsonNode p : line.get("probabilities")) {
                sum += p.asDouble();
                assertTrue(p.asDouble() >= 0 && p.asDouble() <= 1);
            }
            assertEquals(1.0, sum, 1e-6);
            assertTrue(List.of("praise", "insult", "neutral").contains(line.get("label").asText()));
            assertTrue(line.has("margin") && line.has("entropy"));
        }
    }

    @Test
    void predictNamesTheBadStdinLine() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("\"ok\"\n{oops\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(2, kcwb("predict", "--model", run.resolve("checkpoint-6").toString()));
        } finally {
            System.setIn(stdin);
        }
        assertTrue(err.toString().contains("stdin line 2"), err.toString());
    }

    @Test
    void exportModelWritesAnHfFolderWithAModelCard() throws IOException {
        Path export = tmp.resolve("export");
        assertEquals(0, kcwb("export-model", "--checkpoint", run.resolve("checkpoint-6").toString(), "--out",
                export.toString()), err.toString());
        for (String file : List.of("config.json", "model.safetensors", "vocab.txt", "kcwb-provenance.json", "README.md")) {
            assertTrue(Files.isRegularFile(export.resolve(file)), file);
        }
        assertTrue(Files.notExists(export.resolve("kcwb-optimizer.safetensors")), "no trainer state in an export");
        String card = Files.readString(export.resolve("README.md"));
        assertTrue(card.contains("| 0 | insult |") && card.contains("kcelectra") && card.contains("macro-F1"), card);
    }

    @Test
    void unknownLabelInDevNamesFileAndLine() {
        assertEquals(2, kcwb("train", "--train", data("train.tsv").toString(), "--dev",
                data("dev-unknown-label.tsv").toString(), "--out", tmp.resolve("r").toString()));
        assertTrue(err.toString().contains("dev-unknown-label.tsv line 4: unknown label 'sarcasm'"), err.toString());
    }

    @Test
    void emptyDatasetIsRefused() {
        assertEquals(2, kcwb("train", "--train", data("empty.tsv").toString(), "--out", tmp.resolve("r").toString()));
        assertTrue(err.toString().contains("empty"), err.toString());
    }

    @Test
    void invalidHyperparametersAreNamedBeforeTraining() {
        assertEquals(2, kcwb("train", "--train", data("train.tsv").toString(), "--lr", "-1", "--batch-size", "0",
                "--out", tmp.resolve("r").toString()));
        assertTrue(err.toString().contains("learning rate must be > 0") && err.toString().contains("batch size"), err.toString());
        assertTrue(Files.notExists(tmp.resolve("r")), "nothing written");
    }

    @Test
    void evalRefusesDataWithLabelsTheModelDoesNotHave() {
        assertEquals(2, kcwb("eval", "--model", run.resolve("checkpoint-6").toString(), "--data",
                data("dev-unknown-label.tsv").toString()));
        assertTrue(err.toString().contains("line 4: label 'sarcasm' is not one of the model's 3 labels"), err.toString());
    }

    @Test
    void aMissingBaseModelFolderIsAClearError() {
        assertEquals(2, kcwb("train", "--train", data("train.tsv").toString(), "--base-model",
                tmp.resolve("nope").toString(), "--out", tmp.resolve("r").toString()));
        assertTrue(err.toString().contains("nope"), err.toString());
    }

    static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
