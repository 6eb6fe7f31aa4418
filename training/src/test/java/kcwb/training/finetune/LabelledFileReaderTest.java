package kcwb.training.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label cells and arrays, single- and multi-label, and every bad row named with its line and cause. */
class LabelledFileReaderTest {
    static final FileDatasetOptions MULTI = new FileDatasetOptions("text", null, true, false);
    static final FileDatasetOptions SINGLE = FileDatasetOptions.singleLabel("text", null);

    @TempDir
    Path dir;

    Path file(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    static LabelledFileReader.Result read(FileDatasetOptions options, Path file) throws IOException {
        return new LabelledFileReader(options).read(file);
    }

    static List<String> problems(LabelledFileReader.Result result) {
        return result.problems().stream().map(p -> "line " + p.line() + ": " + p.cause()).toList();
    }

    @Test
    void multiLabelCellsSplitOnSemicolonsStrippedDedupedInFileOrder() throws IOException {
        var result = read(MULTI, file("a.tsv", "text\tlabels", "골 최고 ㅋㅋ\tsports;praise", "한심하다\t insult ; sports ;insult;",
                "ㅎㅎ\tlaugh"));
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(List.of("sports", "praise"), List.of("insult", "sports"), List.of("laugh")),
                result.rows().stream().map(LabelledRow::labels).toList());
        assertEquals(List.of(2L, 3L, 4L), result.rows().stream().map(LabelledRow::line).toList());
    }

    @Test
    void csvCellsAreQuotedWhenTheyHoldCommasAndTheLabelColumnMayBeCalledLabels() throws IOException {
        var result = read(MULTI, file("a.csv", "id,text,labels,split", "1,\"골, 최고\",praise;sports,train",
                "2,한심하다,\"insult;sports\",dev"));
        assertEquals(List.of(), result.problems());
        assertEquals("골, 최고", result.rows().getFirst().text());
        assertEquals(List.of("insult", "sports"), result.rows().get(1).labels());
    }

    @Test
    void jsonlTakesArraysAndSeparatedStringsAndFindsLabelOrLabels() throws IOException {
        var result = read(MULTI, file("a.jsonl", "{\"text\": \"골 최고\", \"labels\": [\"praise\", \"sports\"]}",
                "{\"text\": \"한심\", \"label\": \"insult\"}", "", "{\"text\": \"ㅋㅋ\", \"labels\": \"laugh;praise\"}"));
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(List.of("praise", "sports"), List.of("insult"), List.of("laugh", "praise")),
                result.rows().stream().map(LabelledRow::labels).toList());
        assertEquals(4, result.rows().getLast().line(), "blank lines count");
    }

    @Test
    void anEmptyLabelListIsAnErrorUnlessAllowed() throws IOException {
        Path file = file("a.jsonl", "{\"text\": \"버스 언제 와요\", \"labels\": []}", "{\"text\": \"점심 뭐 먹지\", \"labels\": \"\"}");
        String cause = "no label: 'labels' is empty; every row needs one, or pass --allow-empty-labels when none of the "
                + "labels applies";
        assertEquals(List.of("line 1: " + cause, "line 2: " + cause), problems(read(MULTI, file)));
        var allowed = read(new FileDatasetOptions("text", null, true, true), file);
        assertEquals(List.of(), allowed.problems());
        assertEquals(List.of(List.of(), List.of()), allowed.rows().stream().map(LabelledRow::labels).toList());
    }

    @Test
    void singleLabelRefusesSeparatorsAndArraysWithAHint() throws IOException {
        var tsv = read(SINGLE, file("a.tsv", "text\tlabel", "골 최고\tpraise;sports", "한심\tinsult"));
        assertEquals(List.of("line 2: label 'praise;sports' contains ';', the multi-label separator: multi-label data? "
                + "train with --multi-label"), problems(tsv));
        assertEquals(List.of("insult"), tsv.rows().getFirst().labels());
        var jsonl = read(SINGLE, file("a.jsonl", "{\"text\": \"골\", \"label\": [\"praise\"]}", "{\"text\": \"골\", \"label\": 7}"));
        assertEquals(List.of("line 1: field 'label' is a JSON array: multi-label data? train with --multi-label"),
                problems(jsonl));
        assertEquals(List.of("7"), jsonl.rows().getFirst().labels(), "a number is a label name, as before");
    }

    @Test
    void everyBadRowOfATsvIsReportedAndTheGoodRowsKept() throws IOException {
        var result = read(MULTI, file("a.tsv", "text\tlabels", "좋아요\tpraise", "한심\t", "\tpraise", "좋아\tpraise\t덤",
                "몇 시?\t ; ", "ㅋㅋ\tlaugh"));
        List<String> problems = problems(result);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("line 3: no label: 'labels' is empty"), problems.get(0));
        assertEquals("line 4: empty text (column 'text')", problems.get(1));
        assertEquals("line 5: 3 columns, the header has 2", problems.get(2));
        assertTrue(problems.get(3).startsWith("line 6: no label: 'labels' is empty"), problems.get(3));
        assertEquals(List.of(2L, 7L), result.rows().stream().map(LabelledRow::line).toList());
    }

    @Test
    void everyBadRowOfAJsonlFileIsReported() throws IOException {
        var result = read(MULTI, file("a.jsonl", "{\"text\": \"골\", \"labels\": [\"praise\", {\"x\": 1}]}",
                "{\"text\": \"골\", \"labels\": {\"praise\": true}}", "{\"text\": \"ㅋㅋ\", \"labels\": [\"laugh\"",
                "[\"배열\"]", "{\"labels\": [\"sports\"]}", "{\"text\": \"골\", \"labels\": [\"praise\", \" \"]}",
                "{\"text\": \"좋다\", \"labels\": [\"praise\"]}"));
        List<String> problems = problems(result);
        assertEquals(6, problems.size(), problems.toString());
        assertEquals("line 1: element 2 of 'labels' is a JSON object, expected a label string", problems.get(0));
        assertEquals("line 2: field 'labels' is a JSON object, expected an array of label strings", problems.get(1));
        assertTrue(problems.get(2).startsWith("line 3: invalid JSON"), problems.get(2));
        assertEquals("line 4: expected a JSON object", problems.get(3));
        assertEquals("line 5: empty text (column 'text')", problems.get(4));
        assertEquals("line 6: element 2 of 'labels' is an empty string, expected a label string", problems.get(5));
        assertEquals(List.of(7L), result.rows().stream().map(LabelledRow::line).toList());
    }

    @Test
    void invalidUtf8IsNamedByItsLine() throws IOException {
        Path file = dir.resolve("a.tsv");
        byte[] good = "text\tlabels\n좋아요\tpraise\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '\t', 'x', '\n'};
        Files.write(file, concat(good, "x\ty\n".repeat(5000).getBytes(StandardCharsets.UTF_8), bad));
        assertEquals(List.of("line 5003: not valid UTF-8"), problems(read(MULTI, file)));
    }

    @Test
    void aMissingColumnIsNamedOnLineOneAndABomIsSkipped() throws IOException {
        var result = read(MULTI, file("a.tsv", "\uFEFFtext\ttags", "좋아요\tpraise"));
        assertEquals(List.of("line 1: no column 'label' or 'labels' in the header [text, tags]"), problems(result));
        var named = read(new FileDatasetOptions("text", "tags", true, false), file("b.tsv", "\uFEFFtext\ttags", "좋아요\tpraise"));
        assertEquals(List.of(), named.problems());
    }

    @Test
    void brokenCsvQuotingStopsTheFileWithItsLineAndKeepsTheRowsBefore() throws IOException {
        var result = read(MULTI, file("a.csv", "text,labels", "좋아요,praise", "\"안 닫힌 따옴표,insult", "ㅋㅋ,laugh"));
        List<String> problems = problems(result);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().startsWith("line 3: unreadable CSV"), problems.getFirst());
        assertEquals(List.of(2L), result.rows().stream().map(LabelledRow::line).toList());
    }

    @Test
    void anUnreadableHeaderIsNamedOnLineOne() throws IOException {
        List<String> problems = problems(read(MULTI, file("a.tsv", "text\t\tlabels", "좋아요\t\tpraise")));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().startsWith("line 1: unreadable header row: "), problems.getFirst());
    }

    @Test
    void aMissingFileIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> read(MULTI, dir.resolve("nope.tsv")));
        assertTrue(e.getMessage().contains("nope.tsv: no such file"), e.getMessage());
    }

    @Test
    void emptyLabelsNeedMultiLabel() {
        assertThrows(IllegalArgumentException.class, () -> new FileDatasetOptions("text", null, false, true));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
