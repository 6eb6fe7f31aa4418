package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kcwb.storage.annotation.FinalLabelPolicy;
import kcwb.storage.item.Item;
import kcwb.storage.item.Split;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    @TempDir
    Path dir;
    Workspace workspace;
    Project project;
    List<Item> items;

    @BeforeEach
    void setUp() throws Exception {
        workspace = WorkspaceStore.create(dir.resolve("w.kcwb"));
        project = workspace.projects().create("hate", TaskType.SINGLE_LABEL);
        workspace.labels().add(project.id(), "none");
        workspace.labels().add(project.id(), "hate");
        Path source = dir.resolve("src.txt");
        Files.writeString(source, "좋은, \"댓글\"|none\n나쁜 댓글|hate\n라벨없음|\nbad line\n");
        new Importer().run(workspace, project, source, ImportOptions.builder(ImportFormat.PIPE).build());
        items = workspace.items().page(project.id(), 0, 100);
        workspace.items().setSplit(items.get(1).id(), Split.TEST);
        workspace.annotations().save(items.get(1).id(), "mina", List.of("hate"), null);
        workspace.annotations().save(items.get(1).id(), "joon", List.of("none"), null);
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    @Test
    void jsonlHasFinalLabelsAndOptionallyEveryAnnotator() throws Exception {
        Path out = dir.resolve("items.jsonl");
        assertEquals(3, new ItemExporter(workspace).writeJsonl(project, FinalLabelPolicy.majority(), true, out));
        List<String> lines = Files.readAllLines(out);
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertEquals("좋은, \"댓글\"", first.get("text").asText());
        assertEquals("none", first.get("labels").get(0).asText());
        JsonNode second = Json.MAPPER.readTree(lines.get(1));
        assertEquals("hate", second.get("labels").get(0).asText()); // import + mina say hate, joon none
        assertEquals("test", second.get("split").asText());
        assertEquals(3, second.get("annotations").size());
        assertEquals(0, Json.MAPPER.readTree(lines.get(2)).get("labels").size());
    }

    @Test
    void csvKeepsTextsWithCommasAndQuotesAndAdjudicates() throws Exception {
        Path out = dir.resolve("items.csv");
        new ItemExporter(workspace).writeCsv(project, FinalLabelPolicy.adjudicatedBy("joon"), false, out);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(out)).getRecords();
        assertEquals(3, records.size());
        assertEquals("좋은, \"댓글\"", records.get(0).get("text"));
        assertEquals("none", records.get(1).get("labels")); // joon adjudicates
        Path perAnnotator = dir.resolve("per.csv");
        new ItemExporter(workspace).writeCsv(project, FinalLabelPolicy.majority(), true, perAnnotator);
        assertEquals(1 + 1 + 3, Files.readAllLines(perAnnotator).size()); // header + one row per annotation
    }

    @Test
    void huggingFaceFolderHasSplitsCardAndAStableContentHash() throws Exception {
        Path folder = dir.resolve("hf");
        HfDatasetExporter.Summary summary = new HfDatasetExporter(workspace).write(project, FinalLabelPolicy.majority(), folder);
        assertEquals(1L, summary.rowsPerSplit().get(Split.TRAIN));
        assertEquals(1L, summary.rowsPerSplit().get(Split.TEST));
        assertEquals(0L, summary.rowsPerSplit().get(Split.DEV));
        JsonNode test = Json.MAPPER.readTree(Files.readAllLines(folder.resolve("test.jsonl")).getFirst());
        assertEquals(1, test.get("label").asInt()); // index of "hate"
        String card = Files.readString(folder.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(card.contains("- split: validation\n    path: dev.jsonl"), card);
        assertTrue(card.contains("'1': \"hate\""), card);
        assertTrue(card.contains(summary.sha256()), card);
        assertTrue(card.contains("src.txt"), card);
        HfDatasetExporter.Summary again = new HfDatasetExporter(workspace).write(project, FinalLabelPolicy.majority(), dir.resolve("hf2"));
        assertEquals(summary.sha256(), again.sha256());
        workspace.annotations().save(items.getFirst().id(), "mina", List.of("hate"), null);
        workspace.annotations().save(items.getFirst().id(), "joon", List.of("hate"), null);
        assertTrue(!summary.sha256().equals(new HfDatasetExporter(workspace).write(project, FinalLabelPolicy.majority(),
                dir.resolve("hf3")).sha256()));
    }

    @Test
    void storedImportErrorsExportAsTheReport() throws Exception {
        Path out = dir.resolve("errors.tsv");
        assertEquals(1, new ImportErrorsExporter(workspace).write(project, null, out));
        assertEquals(List.of("file\tline\treason", dir.resolve("src.txt") + "\t4\tno '|' separating text and label"),
                Files.readAllLines(out));
    }
}
