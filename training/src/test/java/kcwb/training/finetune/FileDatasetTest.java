package kcwb.training.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label sets, indices and problem types from train/dev files; all problems of both files thrown together. */
class FileDatasetTest {
    static final FileDatasetOptions MULTI = new FileDatasetOptions("text", null, true, false);

    @TempDir
    Path dir;

    Path file(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void multiLabelFilesGiveSortedLabelsAndIndexLists() throws IOException {
        Path train = file("train.tsv", "text\tlabels", "골 최고 ㅋㅋ\tsports;praise;laugh", "한심하다\tinsult");
        Path dev = file("dev.jsonl", "{\"text\": \"ㅎㅎ 최고\", \"labels\": [\"laugh\", \"praise\"]}");
        FileDataset data = FileDataset.load(train, dev, MULTI);
        assertEquals(List.of("insult", "laugh", "praise", "sports"), data.labels());
        assertEquals(ProblemType.MULTI_LABEL, data.problemType());
        assertEquals(List.of(List.of(3, 2, 1), List.of(0)), data.train().stream().map(LabeledExample::labels).toList());
        assertEquals(List.of("train.tsv:2", "train.tsv:3"), data.train().stream().map(LabeledExample::id).toList());
        assertEquals(List.of(1, 2), data.dev().getFirst().labels());
    }

    @Test
    void singleLabelFilesStaySingleLabelAndWithoutDevTheDevIsNull() throws IOException {
        FileDataset data = FileDataset.load(file("t.tsv", "text\tlabel", "좋다\tpraise", "한심\tinsult"), null,
                FileDatasetOptions.singleLabel("text", "label"));
        assertEquals(ProblemType.SINGLE_LABEL, data.problemType());
        assertEquals(List.of("insult", "praise"), data.labels());
        assertEquals(List.of(List.of(1), List.of(0)), data.train().stream().map(LabeledExample::labels).toList());
        assertNull(data.dev());
    }

    @Test
    void problemsOfTrainAndDevAreReportedTogetherWithFileAndLine() throws IOException {
        Path train = file("train.tsv", "text\tlabels", "골 최고\tpraise;sports", "한심\t", "ㅋㅋ\tlaugh");
        Path dev = file("dev.tsv", "text\tlabels", "정치 그만 ㅋㅋ\tpolitics;laugh", "ㅎㅎ\tlaugh", "국회\tpolitics;economy");
        var e = assertThrows(DatasetException.class, () -> FileDataset.load(train, dev, MULTI));
        List<String> problems = e.problems().stream().map(DatasetProblem::toString).toList();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(train + " line 3: no label"), problems.get(0));
        assertEquals(dev + " line 2: unknown label 'politics'; the training labels are [laugh, praise, sports]", problems.get(1));
        assertEquals(dev + " line 4: unknown label 'politics'; the training labels are [laugh, praise, sports]", problems.get(2));
        assertEquals(dev + " line 4: unknown label 'economy'; the training labels are [laugh, praise, sports]", problems.get(3));
        assertTrue(e.getMessage().startsWith("4 problems in the data:\n  " + train + " line 3"), e.getMessage());
    }

    @Test
    void manyProblemsAreListedUpToALimit() throws IOException {
        String[] lines = new String[41];
        lines[0] = "text\tlabels";
        for (int i = 1; i < lines.length; i++) {
            lines[i] = "\tpraise";
        }
        var e = assertThrows(DatasetException.class, () -> FileDataset.load(file("t.tsv", lines), null, MULTI));
        assertEquals(40, e.problems().size());
        assertEquals(DatasetException.SHOWN + 2L, e.getMessage().lines().count(), "header, 30 problems, the rest counted");
        assertTrue(e.getMessage().endsWith("… and 10 more"), e.getMessage());
    }

    @Test
    void emptyFilesAreRefused() throws IOException {
        Path train = file("t.tsv", "text\tlabels");
        var e = assertThrows(DatasetException.class, () -> FileDataset.load(train, null, MULTI));
        assertEquals(train + ": no rows: the training data is empty", e.getMessage());
        Path good = file("g.tsv", "text\tlabels", "좋다\tpraise");
        var dev = assertThrows(DatasetException.class, () -> FileDataset.load(good, train, MULTI));
        assertEquals(train + ": no rows: the dev data is empty", dev.getMessage());
    }

    @Test
    void evaluationDataIsCheckedAgainstTheModelsLabels() throws IOException {
        Path data = file("test.jsonl", "{\"text\": \"골\", \"labels\": [\"sports\", \"praise\"]}",
                "{\"text\": \"국회\", \"labels\": [\"politics\"]}");
        var e = assertThrows(DatasetException.class, () -> FileDataset.forLabels(data, MULTI, List.of("praise", "sports"),
                label -> "label '" + label + "' is not the model's"));
        assertEquals(data + " line 2: label 'politics' is not the model's", e.getMessage());
        Path good = file("ok.jsonl", "{\"text\": \"골\", \"labels\": [\"sports\", \"praise\"]}");
        assertEquals(List.of(1, 0), FileDataset.forLabels(good, MULTI, List.of("praise", "sports"), l -> l).getFirst().labels());
    }
}
