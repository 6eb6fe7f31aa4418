package kcwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kcwb train --multi-label on TSV and JSONL files (fixtures in kcwb/app/train/multilabel, see its README), then
 * eval and predict with per-label outputs; bad multi-label files exit 2 naming every bad row.
 */
class MultiLabelTrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> LABELS = List.of("insult", "laugh", "praise", "sports");
    @TempDir
    static Path shared;
    static Path tsvRun;

    @TempDir
    Path tmp;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    static Path data(String name) {
        return TrainCommandsTest.data("multilabel/" + name);
    }

    int kcwb(String... args) {
        return CliHarness.run(out, err, args);
    }

    @BeforeAll
    static void trainOnTsvOnce() {
        tsvRun = shared.resolve("tsv-run");
        var test = new MultiLabelTrainCommandTest();
        int code = test.kcwb("train", "--train", data("train.tsv").toString(), "--dev", data("dev.tsv").toString(),
                "--multi-label", "--preset", "tiny", "--max-steps", "4", "--eval-every", "2", "--batch-size", "8",
                "--lr", "5e-3", "--out", tsvRun.toString(), "--json");
        assertEquals(0, code, test.err.toString());
    }

    @Test
    void theCheckpointIsAMultiLabelHfModelWithTheLabelMaps() throws IOException {
        JsonNode config = JSON.readTree(tsvRun.resolve("checkpoint-4/config.json").toFile());
        assertEquals("multi_label_classification", config.get("problem_type").asText());
        for (int i = 0; i < LABELS.size(); i++) {
            assertEquals(LABELS.get(i), config.get("id2label").get(Integer.toString(i)).asText());
            assertEquals(i, config.get("label2id").get(LABELS.get(i)).asInt());
        }
        JsonNode dataset = JSON.readTree(tsvRun.resolve("kcwb-provenance.json").toFile()).get("dataset");
        assertEquals("multi_label_classification", dataset.get("problemType").asText(), dataset.toString());
    }

    @Test
    void evalReportsPerLabelScoresAndSubsetAccuracy() throws IOException {
        String checkpoint = tsvRun.resolve("checkpoint-4").toString();
        assertEquals(0, kcwb("eval", "--model", checkpoint, "--data", data("dev.tsv").toString(), "--json"), err.toString());
        JsonNode metrics = JSON.readTree(out.toString().strip());
        assertEquals(6, metrics.get("examples").asInt());
        assertTrue(metrics.has("subset_accuracy") && metrics.has("micro_f1"), metrics.toString());
        List<String> perLabel = new ArrayList<>();
        metrics.get("per_class").forEach(c -> perLabel.add(c.get("label").asText()));
        assertEquals(LABELS, perLabel);
        assertEquals(3, metrics.get("per_class").get(3).get("support").asInt(), "3 dev rows hold sports");
        assertEquals(0, metrics.get("confusion").size(), "no confusion matrix for multi-label");

        out.getBuffer().setLength(0);
        assertEquals(0, kcwb("eval", "--model", checkpoint, "--data", data("dev.jsonl").toString(), "--allow-empty-labels"),
                err.toString());
        String text = out.toString();
        assertTrue(text.contains("4 examples") && text.contains("subset accuracy") && text.contains("sports"), text);
        assertFalse(text.contains("confusion"), text);
    }

    @Test
    void predictGivesEveryLabelsProbabilityAndTheChosenLabels() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("\"골 최고 ㅋㅋ\"\n{\"text\": \"한심한 감독\"}\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(0, kcwb("predict", "--model", tsvRun.resolve("checkpoint-4").toString()), err.toString());
        } finally {
            System.setIn(stdin);
        }
        List<JsonNode> lines = out.toString().lines().map(TrainCommandsTest::json).toList();
        assertEquals(2, lines.size());
        for (JsonNode line : lines) {
            Map<String, Double> probabilities = JSON.convertValue(line.get("probabilities"),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Double>>() {});
            assertEquals(LABELS, List.copyOf(probabilities.keySet()));
            List<String> chosen = new ArrayList<>();
            line.get("labels").forEach(l -> chosen.add(l.asText()));
            List<String> expected = LABELS.stream().filter(l -> probabilities.get(l) >= 0.5).toList();
            assertEquals(expected, chosen, line.toString());
            assertEquals(String.join(",", expected), line.get("label").asText());
        }
    }

    @Test
    void jsonlArraysWithEmptyLabelListsTrainWhenAllowed() throws IOException {
        Path run = tmp.resolve("jsonl-run");
        assertEquals(0, kcwb("train", "--train", data("train.jsonl").toString(), "--dev", data("dev.jsonl").toString(),
                "--multi-label", "--allow-empty-labels", "--preset", "tiny", "--max-steps", "2", "--eval-every", "2",
                "--out", run.toString()), err.toString());
        assertTrue(out.toString().contains("subset-accuracy"), "progress lines show the multi-label metric: " + out);
        JsonNode config = JSON.readTree(run.resolve("checkpoint-2/config.json").toFile());
        assertEquals("multi_label_classification", config.get("problem_type").asText());
        assertEquals(LABELS.size(), config.get("id2label").size());
        JsonNode dataset = JSON.readTree(run.resolve("kcwb-provenance.json").toFile()).get("dataset");
        assertEquals(12, dataset.get("rowsPerSplit").get("train").asInt(), dataset.toString());
        assertEquals(4, dataset.get("rowsPerSplit").get("dev").asInt(), dataset.toString());
    }

    @Test
    void anEmptyLabelListIsRefusedWithoutAllowEmptyLabels() {
        assertEquals(2, kcwb("train", "--train", data("train.jsonl").toString(), "--multi-label",
                "--out", tmp.resolve("r").toString()));
        String message = err.toString();
        assertTrue(message.contains("2 problems in the data"), message);
        assertTrue(message.contains("train.jsonl line 8: no label: 'labels' is empty"), message);
        assertTrue(message.contains("train.jsonl line 13: no label"), message);
        assertTrue(Files.notExists(tmp.resolve("r")), "nothing written");
    }

    @Test
    void everyBadRowOfABadTsvIsNamed() {
        assertEquals(2, kcwb("train", "--train", data("bad-train.tsv").toString(), "--multi-label",
                "--out", tmp.resolve("r").toString()));
        String message = err.toString();
        for (String problem : List.of("bad-train.tsv line 3: no label", "bad-train.tsv line 4: empty text (column 'text')",
                "bad-train.tsv line 5: 4 columns, the header has 3", "bad-train.tsv line 6: no label")) {
            assertTrue(message.contains(problem), problem + " in " + message);
        }
        assertTrue(message.startsWith("kcwb: 4 problems in the data"), message);
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void everyBadRowOfABadJsonlIsNamed() {
        assertEquals(2, kcwb("train", "--train", data("bad-train.jsonl").toString(), "--multi-label",
                "--out", tmp.resolve("r").toString()));
        String message = err.toString();
        for (String problem : List.of("line 2: element 3 of 'labels' is a JSON object",
                "line 3: field 'labels' is a JSON object, expected an array of label strings", "line 4: invalid JSON",
                "line 5: no label", "line 6: expected a JSON object", "line 7: empty text")) {
            assertTrue(message.contains("bad-train.jsonl " + problem), problem + " in " + message);
        }
    }

    @Test
    void devLabelsTheTrainingDataLacksAreNamedByLine() {
        assertEquals(2, kcwb("train", "--train", data("train.tsv").toString(), "--dev",
                data("dev-unknown-label.tsv").toString(), "--multi-label", "--out", tmp.resolve("r").toString()));
        String message = err.toString();
        assertTrue(message.contains("dev-unknown-label.tsv line 3: unknown label 'politics'; the training labels are "
                + LABELS), message);
        assertTrue(message.contains("dev-unknown-label.tsv line 5: unknown label 'politics'"), message);
    }

    @Test
    void multiLabelFilesWithoutTheFlagGetAHint() {
        assertEquals(2, kcwb("train", "--train", data("train.jsonl").toString(), "--out", tmp.resolve("r").toString()));
        assertTrue(err.toString().contains("train.jsonl line 1: field 'labels' is a JSON array: multi-label data? train "
                + "with --multi-label"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, kcwb("train", "--train", data("train.tsv").toString(), "--out", tmp.resolve("r").toString()));
        assertTrue(err.toString().contains("train.tsv line 2: label 'praise;sports;laugh' contains ';'"), err.toString());
    }

    @Test
    void flagsThatDoNotFitAreRefused() {
        assertEquals(2, kcwb("train", "--train", data("train.tsv").toString(), "--allow-empty-labels",
                "--out", tmp.resolve("r").toString()));
        assertTrue(err.toString().contains("--allow-empty-labels needs --multi-label"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, kcwb("train", "--workspace", tmp.resolve("w.kcwb").toString(), "--project", "p", "--multi-label",
                "--out", tmp.resolve("r").toString()));
        assertTrue(err.toString().contains("task type"), err.toString());
    }

    @Test
    void resumingAMultiLabelRunWithoutTheFlagIsRefused() throws IOException {
        Path singleLabelRows = Files.writeString(tmp.resolve("one-each.tsv"),
                "text\tlabel\n한심\tinsult\nㅋㅋ\tlaugh\n최고\tpraise\n축구\tsports\n");
        assertEquals(2, kcwb("train", "--train", singleLabelRows.toString(), "--resume",
                tsvRun.resolve("checkpoint-4").toString()));
        assertTrue(err.toString().contains("the run is multi_label_classification but the data is read as "
                + "single_label_classification: resume with --multi-label"), err.toString());
    }

    @Test
    void helpDocumentsTheSeparator() {
        assertEquals(0, kcwb("train", "--help"));
        String help = out.toString();
        assertTrue(help.contains("--multi-label") && help.contains("';'") && help.contains("--allow-empty-labels"), help);
    }
}
