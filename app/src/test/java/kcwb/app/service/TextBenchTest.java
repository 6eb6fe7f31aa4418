package kcwb.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kcwb.training.text.KcCleaner;
import kcwb.training.tokenize.KcTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextBenchTest {
    @TempDir
    Path dir;

    @Test
    void tsvTakesTheFirstColumnAndSkipsTheHeader() throws IOException {
        Path tsv = dir.resolve("train.tsv");
        Files.writeString(tsv, "\uFEFFcomments\tcontain_gender_bias\thate\n진짜 ㅋㅋㅋ\tFalse\tnone\n\tFalse\tnone\n기사\tTrue\thate\n");
        assertEquals(List.of("진짜 ㅋㅋㅋ", "", "기사"), BenchComments.read(tsv));
    }

    @Test
    void textFilesAreOneCommentPerLine() throws IOException {
        Path txt = dir.resolve("comments.txt");
        Files.writeString(txt, "comments\t첫 줄도 댓글\r\n둘\n");
        assertEquals(List.of("comments\t첫 줄도 댓글", "둘"), BenchComments.read(txt));
    }

    @Test
    void invalidUtf8NamesTheFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, new byte[] {'o', 'k', '\n', (byte) 0xC3, '(', '\n'});
        IOException error = assertThrows(IOException.class, () -> BenchComments.read(bad));
        assertTrue(error.getMessage().contains("bad.txt") && error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void everyStageIsMeasuredOnOneThreadAndOnThePool() throws Exception {
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            comments.add("ㅋㅋㅋㅋ 진짜 " + i + "번째 댓글 😂 https://a.com");
        }
        List<TextBench.Figure> reported = new ArrayList<>();
        try (KcTokenizer tokenizer = KcTokenizer.demo()) {
            List<TextBench.Figure> figures = new TextBench(KcCleaner.kcelectra(), tokenizer, 64, 0, 1)
                    .run(comments, 2, reported::add);
            assertEquals(figures, reported);
            assertEquals(List.of("clean/1", "tokenize/1", "clean+tokenize/1", "clean/2", "tokenize/2", "clean+tokenize/2"),
                    figures.stream().map(f -> f.stage() + "/" + f.threads()).toList());
            assertTrue(figures.stream().allMatch(f -> f.commentsPerSecond() > 0 && f.bestSeconds() > 0));
        }
        assertThrows(IllegalArgumentException.class, () -> new TextBench(KcCleaner.kcelectra(), null, 64, 0, 0));
    }
}
