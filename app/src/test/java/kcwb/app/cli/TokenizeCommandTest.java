package kcwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kcwb.training.tokenize.KcTokenizer;
import kcwb.training.tokenize.TokenizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kcwb tokenize} run in-process through picocli with in-memory stdin/stdout/stderr. */
class TokenizeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private record Run(int exitCode, List<JsonNode> lines, String err) {}

    private static Run run(byte[] stdin, String... args) throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter stderr = new StringWriter();
        CommandLine commandLine = new CommandLine(new TokenizeCommand(new ByteArrayInputStream(stdin), stdout));
        commandLine.setExecutionExceptionHandler(new CliExceptionHandler());
        commandLine.setErr(new PrintWriter(stderr, true));
        int exit = commandLine.execute(args);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Run(exit, lines, stderr.toString());
    }

    private static Run run(String stdin, String... args) throws IOException {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    @Test
    void demoTokenizerWritesOneObjectPerLineLikeTheLibrary() throws IOException {
        Run result = run("\"오늘 날씨 진짜 좋다 ㅋㅋㅋ\"\r\n\"😀 이모지\"\n\"\"", "--max-len", "64");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(3, result.lines().size());
        try (KcTokenizer demo = KcTokenizer.demo()) {
            List<String> texts = List.of("오늘 날씨 진짜 좋다 ㅋㅋㅋ", "😀 이모지", "");
            for (int i = 0; i < texts.size(); i++) {
                TokenizedText expected = demo.encode(texts.get(i), 64);
                JsonNode line = result.lines().get(i);
                assertEquals(expected.tokens(), JSON.convertValue(line.get("tokens"), List.class));
                assertEquals(Arrays.toString(expected.ids()), line.get("ids").toString().replace(",", ", "));
                assertEquals(expected.size(), line.get("offsets").size());
                assertEquals(expected.size(), line.get("unk").size());
                assertEquals(-1, line.get("truncated_at").intValue());
            }
        }
        JsonNode emoji = result.lines().get(1);
        assertEquals("[-1,-1]", emoji.get("offsets").get(0).toString());
        assertEquals("[0,2]", emoji.get("offsets").get(1).toString(), "UTF-16 offsets: the emoji is 2 chars");
    }

    @Test
    void manyLinesKeepTheirOrderAcrossBatches() throws IOException {
        StringBuilder stdin = new StringBuilder();
        for (int i = 0; i < 700; i++) {
            stdin.append("\"").append(i).append(" 번\"\n");
        }
        Run result = run(stdin.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(700, result.lines().size());
        for (int i = 0; i < 700; i += 111) {
            String first = result.lines().get(i).get("tokens").get(1).textValue();
            assertTrue(String.valueOf(i).startsWith(first), "line " + i + " starts with " + first);
        }
    }

    @Test
    void truncationIsReported() throws IOException {
        Run result = run("\"가 나 다 라 마\"\n", "--max-len", "4");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode line = result.lines().getFirst();
        assertEquals(4, line.get("ids").size());
        assertEquals(4, line.get("truncated_at").intValue());
    }

    @Test
    void invalidJsonNamesTheLineAndKeepsEarlierOutput() throws IOException {
        Run result = run("\"하나\"\n\"둘\"\n{not json\n\"넷\"\n");
        assertEquals(CliExceptionHandler.EXIT_BAD_INPUT, result.exitCode());
        assertTrue(result.err().contains("stdin line 3: invalid JSON"), result.err());
        assertEquals(2, result.lines().size(), "the two good lines before the bad one are written");
    }

    @Test
    void nonStringJsonAndEmptyLinesAreErrors() throws IOException {
        Run number = run("\"좋아\"\n42\n");
        assertEquals(2, number.exitCode());
        assertTrue(number.err().contains("stdin line 2: expected a JSON string but found number"), number.err());

        Run object = run("{\"text\": \"좋아\"}\n");
        assertTrue(object.err().contains("stdin line 1: expected a JSON string but found object"), object.err());

        Run empty = run("\"a\"\n\n\"b\"\n");
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().contains("stdin line 2: empty line"), empty.err());

        Run twoValues = run("\"a\" \"b\"\n");
        assertTrue(twoValues.err().contains("stdin line 1: invalid JSON"), twoValues.err());
    }

    @Test
    void invalidUtf8NamesTheLineAndByte() throws IOException {
        byte[] good = "\"첫 줄\"\n\"두".getBytes(StandardCharsets.UTF_8);
        byte[] stdin = Arrays.copyOf(good, good.length + 3);
        stdin[good.length] = (byte) 0xFF;
        stdin[good.length + 1] = '"';
        stdin[good.length + 2] = '\n';
        Run result = run(stdin);
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("stdin line 2: invalid UTF-8 at byte 5 of the line"), result.err());
        assertEquals(1, result.lines().size());
    }

    @Test
    void badOptionsAndModelFoldersAreUserErrors() throws IOException {
        Run tooShort = run("\"a\"\n", "--max-len", "2");
        assertEquals(2, tooShort.exitCode());
        assertTrue(tooShort.err().contains("--max-len must be at least 3"), tooShort.err());

        Path missing = temp.resolve("no-model");
        Run noFolder = run("\"a\"\n", "--model", missing.toString());
        assertEquals(2, noFolder.exitCode());
        assertTrue(noFolder.err().contains(missing + " is not a folder"), noFolder.err());

        Files.writeString(temp.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n좋아\n");
        Run noConfig = run("\"a\"\n", "--model", temp.toString());
        assertTrue(noConfig.err().contains(temp.resolve("tokenizer_config.json") + " is missing"), noConfig.err());
    }

    @Test
    void modelFolderFromVocabTxtIsUsed() throws IOException {
        Files.writeString(temp.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n좋아\n##요\n");
        Files.writeString(temp.resolve("tokenizer_config.json"), "{\"do_lower_case\": false}");
        Run result = run("\"좋아요 싫어\"\n", "--model", temp.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonNode line = result.lines().getFirst();
        assertEquals("[2,5,6,1,3]", line.get("ids").toString());
        assertEquals("[false,false,false,true,false]", line.get("unk").toString());
        assertEquals("[4,6]", line.get("offsets").get(3).toString());
    }
}
