package kcwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage commands run in-process: init, import, label, info, export, and their errors. */
class StorageCommandsTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    Result kcwb(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CliHarness.run(out, err, args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void initImportLabelInfoAndExportWorkTogether() throws Exception {
        String ws = dir.resolve("w.kcwb").toString();
        Result init = kcwb("workspace", "init", "--workspace", ws, "--project", "hate", "--labels", "none,offensive,hate", "--json");
        assertEquals(0, init.exit(), init.err());
        assertEquals("none", init.json().get("projects").get(0).get("labels").get(0).asText());

        Path tsv = dir.resolve("train.tsv");
        Files.writeString(tsv, "comments\tcontain_gender_bias\tbias\thate\n좋은 댓글\tFalse\tnone\tnone\n나쁜 댓글\tFalse\tnone\thate\n"
                + "나쁜 댓글\tFalse\tnone\thate\n깨진\tFalse\n", StandardCharsets.UTF_8);
        Path report = dir.resolve("errors.tsv");
        Result imported = kcwb("import", "--workspace", ws, "--project", "hate", "--format", "beep", "--dedupe",
                "--report", report.toString(), "--json", tsv.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertEquals(2, imported.json().get("imported").asInt());
        assertEquals(1, imported.json().get("duplicates").asInt());
        assertEquals(1, imported.json().get("rejected").asInt());
        assertTrue(imported.err().contains("train.tsv:5: wrong column count"), imported.err());
        assertEquals(2, Files.readAllLines(report).size());

        Result label = kcwb("label", "--workspace", ws, "--item", "1", "--label", "offensive", "--annotator", "mina", "--json");
        assertEquals(0, label.exit(), label.err());
        assertEquals("offensive", label.json().get("labels").get(0).asText());

        Result info = kcwb("workspace", "info", "--workspace", ws, "--json");
        assertEquals(2, info.json().get("projects").get(0).get("items").asInt());

        Path hf = dir.resolve("hf");
        Result export = kcwb("export", "--workspace", ws, "--project", "hate", "--format", "hf", "--out", hf.toString(), "--json");
        assertEquals(0, export.exit(), export.err());
        assertTrue(Files.exists(hf.resolve("README.md")));
        Path jsonl = dir.resolve("items.jsonl");
        assertEquals(0, kcwb("export", "--workspace", ws, "--project", "hate", "--format", "jsonl", "--out", jsonl.toString(),
                "--per-annotator").exit());
        assertEquals(2, Files.readAllLines(jsonl).size());
        Path errors = dir.resolve("stored-errors.tsv");
        assertEquals(0, kcwb("export", "--workspace", ws, "--project", "hate", "--format", "errors", "--out", errors.toString()).exit());
        assertTrue(Files.readString(errors).contains("\t5\twrong column count"));
    }

    @Test
    void abortModeExitsNonZeroNamingFileLineAndCauseAndWritesNothing() throws Exception {
        String ws = dir.resolve("w.kcwb").toString();
        kcwb("workspace", "init", "--workspace", ws, "--project", "p", "--labels", "0,1");
        Path pipe = dir.resolve("dataset.txt");
        Files.writeString(pipe, "좋아|0\r\n나빠|1\r\n라벨없음 줄\r\n");
        Result result = kcwb("import", "--workspace", ws, "--project", "p", "--format", "pipe", "--on-bad-rows", "abort",
                pipe.toString());
        assertEquals(CliExceptionHandler.EXIT_BAD_INPUT, result.exit());
        assertTrue(result.err().contains("dataset.txt:3: no '|' separating text and label"), result.err());
        try (Workspace workspace = WorkspaceStore.open(Path.of(ws))) {
            assertEquals(0, workspace.items().count(workspace.projects().require("p").id()));
        }
    }

    @Test
    void userErrorsExitWithTwoAndAClearMessage() {
        Result missing = kcwb("workspace", "info", "--workspace", dir.resolve("nope.kcwb").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.kcwb: no such workspace file"), missing.err());
        String ws = dir.resolve("w.kcwb").toString();
        kcwb("workspace", "init", "--workspace", ws, "--project", "p", "--labels", "a");
        Result badLabel = kcwb("label", "--workspace", ws, "--item", "99", "--label", "a", "--annotator", "x");
        assertEquals(2, badLabel.exit());
        assertTrue(badLabel.err().contains("no item with id 99"), badLabel.err());
        Result noFile = kcwb("import", "--workspace", ws, "--project", "p", "--format", "csv", dir.resolve("x.csv").toString());
        assertEquals(2, noFile.exit());
        assertTrue(noFile.err().contains("x.csv: no such readable file"), noFile.err());
        assertEquals(2, kcwb("workspace", "init", "--workspace", ws).exit()); // already exists
    }
}
