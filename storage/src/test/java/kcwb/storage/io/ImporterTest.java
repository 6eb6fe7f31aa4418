package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kcwb.storage.annotation.Annotation;
import kcwb.storage.item.Item;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
    @TempDir
    Path dir;
    Workspace workspace;
    Project project;

    @BeforeEach
    void setUp() {
        workspace = WorkspaceStore.create(dir.resolve("w.kcwb"));
        project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
        workspace.labels().add(project.id(), "none");
        workspace.labels().add(project.id(), "hate");
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    Path file(String name, String content) throws Exception {
        return bytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path bytes(String name, byte[] content) throws Exception {
        Path path = dir.resolve(name);
        Files.write(path, content);
        return path;
    }

    ImportReport run(Path file, ImportOptions.Builder options) {
        return new Importer().run(workspace, project, file, options.build());
    }

    List<Item> items() {
        return workspace.items().page(project.id(), 0, 1000);
    }

    List<String> labelsOf(Item item) {
        return workspace.annotations().find(item.id(), "import").map(Annotation::labels).orElse(List.of());
    }

    @Test
    void csvWithHeaderPicksColumnsByNameAndKeepsTheRestAsMetadata() throws Exception {
        Path csv = file("a.csv", "id,comment,label\n1,\"좋아요, 정말\",none\n2,\"여러\n줄\",hate\n");
        ImportReport report = run(csv, ImportOptions.builder(ImportFormat.CSV).optHeader(true)
                .optTextColumn("comment").optLabelColumn("label"));
        assertTrue(report.committed());
        assertEquals(2, report.imported());
        List<Item> items = items();
        assertEquals("좋아요, 정말", items.get(0).text());
        assertEquals("여러\n줄", items.get(1).text());
        assertEquals(3L, items.get(1).sourceLine());
        assertEquals("{\"id\":\"2\"}", items.get(1).metadataJson());
        assertEquals(List.of("hate"), labelsOf(items.get(1)));
        assertEquals("a.csv", items.get(0).sourceFile());
    }

    @Test
    void tsvWithoutHeaderPicksColumnsByIndex() throws Exception {
        Path tsv = file("b.tsv", "hate\t욕설 댓글\nnone\t좋은 댓글\n");
        ImportReport report = run(tsv, ImportOptions.builder(ImportFormat.TSV).optTextColumn("1").optLabelColumn("0"));
        assertEquals(2, report.imported());
        assertEquals("욕설 댓글", items().get(0).text());
        assertEquals(List.of("hate"), labelsOf(items().get(0)));
    }

    @Test
    void aColumnMappingBeyondTheRowIsReportedNotACrash() throws Exception {
        Path tsv = file("short.tsv", "한 열뿐인 댓글\n또 한 열\n");
        ImportReport report = run(tsv, ImportOptions.builder(ImportFormat.TSV).optTextColumn("0").optLabelColumn("1"));
        assertTrue(report.committed());
        assertEquals(0, report.imported());
        assertEquals(2, report.rejected());
        assertEquals("no column 1: the row has 1 column", report.problems().getFirst().reason());
        assertEquals(2L, report.problems().get(1).line());
    }

    @Test
    void beepLayoutUsesTheChosenLabelColumnAndUnquotesDoubledQuotes() throws Exception {
        Path beep = file("train.tsv", "comments\tcontain_gender_bias\tbias\thate\n"
                + "\"에이프릴 \"\"예쁜게 죄\"\"\"\tFalse\tnone\tnone\n"
                + "그냥 댓글\tTrue\tgender\thate\n");
        ImportReport report = run(beep, ImportOptions.builder(ImportFormat.BEEP).optLabelColumn("bias").optCreateLabels(true));
        assertEquals(2, report.imported());
        assertEquals("에이프릴 \"예쁜게 죄\"", items().get(0).text());
        assertEquals(List.of("gender"), labelsOf(items().get(1)));
        assertEquals(List.of("gender"), report.createdLabels());
        assertEquals("{\"contain_gender_bias\":\"True\",\"hate\":\"hate\"}", items().get(1).metadataJson());
    }

    @Test
    void jsonlChoosesFieldsAndReportsBadJsonAndMissingFields() throws Exception {
        Path jsonl = file("c.jsonl", "{\"comment\":\"하나\",\"y\":\"hate\",\"src\":\"naver\"}\n"
                + "{\"comment\":\"둘\"\n"
                + "{\"y\":\"none\"}\n"
                + "[1,2]\n"
                + "{\"comment\":\"셋\",\"y\":null}\n");
        ImportReport report = run(jsonl, ImportOptions.builder(ImportFormat.JSONL).optTextColumn("comment").optLabelColumn("y"));
        assertEquals(2, report.imported());
        assertEquals(3, report.rejected());
        assertEquals(List.of(2L, 3L, 4L), report.problems().stream().map(ImportProblem::line).toList());
        assertTrue(report.problems().get(0).reason().startsWith("bad JSON"), report.problems().get(0).reason());
        assertTrue(report.problems().get(1).reason().contains("'comment'"));
        assertEquals("{\"src\":\"naver\"}", items().get(0).metadataJson());
        assertEquals(List.of(), labelsOf(items().get(1)));
    }

    @Test
    void jsonlArraysAreMultiLabelAndRefusedForSingleLabelProjects() throws Exception {
        Path jsonl = file("m.jsonl", "{\"text\":\"a\",\"label\":[\"none\",\"hate\"]}\n");
        ImportReport single = run(jsonl, ImportOptions.builder(ImportFormat.JSONL));
        assertEquals(1, single.rejected());
        Project multi = workspace.projects().create("m", TaskType.MULTI_LABEL);
        ImportReport report = new Importer().run(workspace, multi, jsonl,
                ImportOptions.builder(ImportFormat.JSONL).optCreateLabels(true).build());
        assertEquals(1, report.imported());
        long item = workspace.items().page(multi.id(), 0, 10).getFirst().id();
        assertEquals(List.of("none", "hate"), workspace.annotations().find(item, "import").orElseThrow().labels());
    }

    @Test
    void plainTextIsOneCommentPerLineWithBomAndBlankLinesSkipped() throws Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        content.write("첫줄\r\n\r\n둘째 줄\n".getBytes(StandardCharsets.UTF_8));
        ImportReport report = run(bytes("t.txt", content.toByteArray()), ImportOptions.builder(ImportFormat.TEXT));
        assertEquals(2, report.imported());
        assertEquals("첫줄", items().get(0).text());
        assertEquals(3L, items().get(1).sourceLine());
    }

    @Test
    void pipeLayoutSplitsOnTheLastBarWithCrlf() throws Exception {
        Path pipe = file("d.txt", "a|b 댓글|1\r\n그냥|0\r\n구분자 없음\r\n");
        ImportReport report = run(pipe, ImportOptions.builder(ImportFormat.PIPE).optCreateLabels(true));
        assertEquals(2, report.imported());
        assertEquals("a|b 댓글", items().get(0).text());
        assertEquals(List.of("1"), labelsOf(items().get(0)));
        assertEquals(List.of(new ImportProblem(pipe.toString(), 3, "no '|' separating text and label")), report.problems());
    }

    @Test
    void invalidUtf8IsReportedWithItsLineAndTheRestIsImported() throws Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write("좋다|none\n".getBytes(StandardCharsets.UTF_8));
        content.write(new byte[] {'b', 'a', (byte) 0xC3, '(', '|', 'n', 'o', 'n', 'e', '\n'});
        content.write("싫다|hate\n".getBytes(StandardCharsets.UTF_8));
        ImportReport report = run(bytes("bad.txt", content.toByteArray()), ImportOptions.builder(ImportFormat.PIPE));
        assertEquals(2, report.imported());
        assertEquals(1, report.rejected());
        ImportProblem problem = report.problems().getFirst();
        assertEquals(2, problem.line());
        assertEquals("invalid UTF-8 at byte 3 of the line", problem.reason());
        assertFalse(items().stream().anyMatch(item -> item.text().contains("\uFFFD")));
    }

    @Test
    void everyBadRowKindIsReportedWithFileLineAndReason() throws Exception {
        String longLine = "x".repeat(300) + ",none\n";
        Path csv = file("bad.csv", "text,label\n"
                + "ok,none\n"              // 2 fine
                + "too,many,columns\n"     // 3
                + "   ,none\n"             // 4 empty text
                + "spam,spam\n"            // 5 unknown label
                + longLine                 // 6 too long
                + "\"unterminated,none\n"  // 7 unterminated quote
                + "after,hate\n");         // 8 fine again
        ImportReport report = run(csv, ImportOptions.builder(ImportFormat.CSV).optHeader(true)
                .optTextColumn("text").optLabelColumn("label").optMaxLineBytes(200));
        assertEquals(2, report.imported());
        Map<Long, String> reasons = new java.util.TreeMap<>();
        report.problems().forEach(p -> reasons.put(p.line(), p.reason()));
        assertEquals("wrong column count: expected 2, found 3", reasons.get(3L));
        assertEquals("empty text", reasons.get(4L));
        assertTrue(reasons.get(5L).startsWith("unknown label 'spam'"), reasons.get(5L));
        assertEquals("line longer than the limit of 200 bytes", reasons.get(6L));
        assertEquals("unterminated quote", reasons.get(7L));
        assertEquals(Map.of("spam", 1L), report.unknownLabels());
        assertEquals(List.of("none", "hate"), workspace.labels().names(project.id()));
        assertEquals(List.of("ok", "after"), items().stream().map(Item::text).toList());

        Path reportFile = dir.resolve("errors.tsv");
        report.writeProblems(reportFile);
        List<String> lines = Files.readAllLines(reportFile);
        assertEquals("file\tline\treason", lines.getFirst());
        assertEquals(csv + "\t3\twrong column count: expected 2, found 3", lines.get(1));
        assertEquals(5, workspace.importBatches().list(project.id()).getFirst().rowsRejected());
    }

    @Test
    void abortModeWritesNothingAtAll() throws Exception {
        Path csv = file("abort.csv", "a,none\nb,newlabel\nc,none\n");
        ImportReport report = run(csv, ImportOptions.builder(ImportFormat.CSV).optLabelColumn("1")
                .optBadRowMode(ImportOptions.BadRowMode.ABORT));
        assertTrue(report.aborted());
        assertFalse(report.committed());
        assertEquals(1, report.rejected());
        assertEquals(Map.of("newlabel", 1L), report.unknownLabels());
        assertEquals(0, workspace.items().count(project.id()));
        assertTrue(workspace.importBatches().list(project.id()).isEmpty());
        assertEquals(List.of("none", "hate"), workspace.labels().names(project.id()));
    }

    @Test
    void createLabelsAddsTheFilesNewLabels() throws Exception {
        Path csv = file("new.csv", "a,none\nb,spam\n");
        ImportReport report = run(csv, ImportOptions.builder(ImportFormat.CSV).optLabelColumn("1").optCreateLabels(true));
        assertEquals(2, report.imported());
        assertEquals(List.of("none", "hate", "spam"), workspace.labels().names(project.id()));
    }

    @Test
    void dedupeDropsExactDuplicatesWithinTheFileAndAgainstTheProject() throws Exception {
        run(file("first.txt", "하나\n둘\n"), ImportOptions.builder(ImportFormat.TEXT));
        ImportReport report = run(file("second.txt", "둘\n셋\n셋\n 셋\n"), ImportOptions.builder(ImportFormat.TEXT).optDedupe(true));
        assertEquals(2, report.duplicates());
        assertEquals(2, report.imported());
        assertEquals(List.of("하나", "둘", "셋", " 셋"), items().stream().map(Item::text).toList());
    }

    @Test
    void shortTextsAreDroppedByCodePointCount() throws Exception {
        ImportReport report = run(file("s.txt", "ㅋ\n😀😀\n좋아요\n"), ImportOptions.builder(ImportFormat.TEXT).optMinTextLength(2));
        assertEquals(1, report.tooShort());
        assertEquals(List.of("😀😀", "좋아요"), items().stream().map(Item::text).toList());
    }

    @Test
    void splitIsStratifiedAndReproducibleWithTheSeed() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            rows.append("comment ").append(i).append('|').append(i < 150 ? "none" : "hate").append('\n');
        }
        Path pipe = file("split.txt", rows.toString());
        ImportReport report = run(pipe, ImportOptions.builder(ImportFormat.PIPE).optSplit(new SplitSpec(0.8, 0.1, 0.1, 42)));
        assertEquals(Map.of("train", 160L, "dev", 20L, "test", 20L), report.splitCounts());
        long hateInTest = items().stream().filter(i -> i.split() == kcwb.storage.item.Split.TEST)
                .filter(i -> labelsOf(i).equals(List.of("hate"))).count();
        assertEquals(5, hateInTest); // 10% of the 50 hate rows
        List<String> first = items().stream().map(i -> String.valueOf(i.split())).toList();

        Project again = workspace.projects().create("again", TaskType.SINGLE_LABEL);
        Project other = workspace.projects().create("other", TaskType.SINGLE_LABEL);
        new Importer().run(workspace, again, pipe, ImportOptions.builder(ImportFormat.PIPE).optCreateLabels(true)
                .optSplit(new SplitSpec(0.8, 0.1, 0.1, 42)).build());
        new Importer().run(workspace, other, pipe, ImportOptions.builder(ImportFormat.PIPE).optCreateLabels(true)
                .optSplit(new SplitSpec(0.8, 0.1, 0.1, 7)).build());
        assertEquals(first, workspace.items().page(again.id(), 0, 1000).stream().map(i -> String.valueOf(i.split())).toList());
        assertFalse(first.equals(workspace.items().page(other.id(), 0, 1000).stream().map(i -> String.valueOf(i.split())).toList()));
    }

    @Test
    void anUnknownColumnOrMissingFileFailsTheWholeImportClearly() throws Exception {
        Path csv = file("h.csv", "a,b\n1,2\n");
        ImportException column = assertThrows(ImportException.class, () -> run(csv,
                ImportOptions.builder(ImportFormat.CSV).optHeader(true).optTextColumn("comment")));
        assertTrue(column.getMessage().contains("h.csv:1: no text column 'comment'"), column.getMessage());
        assertThrows(ImportException.class, () -> run(dir.resolve("nope.csv"), ImportOptions.builder(ImportFormat.CSV)));
        assertEquals(0, workspace.items().count(project.id()));
    }
}
