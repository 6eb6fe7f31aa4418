package kcwb.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kcwb.training.train.LabeledExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void readsTheTextAndHateColumns() throws IOException {
        Path tsv = Files.writeString(dir.resolve("train.tsv"),
                "comments\tcontain_gender_bias\tbias\thate\n좋은 기사네요\tFalse\tnone\tnone\n이런 ㅋㅋ\tTrue\tgender\thate\n");
        var examples = TrainBenchmark.readSplit(tsv);
        assertEquals(2, examples.size());
        assertEquals(LabeledExample.of("train.tsv:3", "이런 ㅋㅋ", TrainBenchmark.LABELS.indexOf("hate")), examples.get(1));
    }

    @Test
    void unknownLabelNamesFileAndLine() throws IOException {
        Path tsv = Files.writeString(dir.resolve("dev.tsv"),
                "comments\tcontain_gender_bias\tbias\thate\n좋아요\tFalse\tnone\tnone\n별로\tFalse\tnone\tmaybe\n");
        IOException e = assertThrows(IOException.class, () -> TrainBenchmark.readSplit(tsv));
        assertTrue(e.getMessage().contains("dev.tsv line 3") && e.getMessage().contains("'maybe'"), e.getMessage());
    }

    @Test
    void missingColumnsAndShortRowsAreReported() throws IOException {
        Path noHate = Files.writeString(dir.resolve("a.tsv"), "comments\tlabel\nx\tnone\n");
        assertTrue(assertThrows(IOException.class, () -> TrainBenchmark.readSplit(noHate)).getMessage().contains("line 1"));
        Path shortRow = Files.writeString(dir.resolve("b.tsv"), "comments\tcontain_gender_bias\tbias\thate\nx\tnone\n");
        assertTrue(assertThrows(IOException.class, () -> TrainBenchmark.readSplit(shortRow)).getMessage().contains("line 2"));
    }
}
