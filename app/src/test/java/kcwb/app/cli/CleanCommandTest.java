package kcwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code kcwb clean} in-process: output per line, recipes, JSONL, and every error path. */
class CleanCommandTest {
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(byte[] input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new CleanCommand(new ByteArrayInputStream(input), out));
        commandLine.setExecutionExceptionHandler(new CliExceptionHandler());
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    private static Run run(String input, String... args) {
        return run(input.getBytes(StandardCharsets.UTF_8), args);
    }

    @Test
    void cleansEachLineInOrderAndKeepsEmptyLines() {
        Run result = run("ㅋㅋㅋㅋ 진짜 10000원😀\r\n\n  \nhttps://a.co 기사\n마지막 줄 끝에 개행 없음");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("ㅋㅋ 진짜 100원\n\n\n기사\n마지막 줄 끝에 개행 없음\n", result.out());
    }

    @Test
    void loneCarriageReturnStaysInsideTheLine() {
        Run result = run("가\r나\n");
        assertEquals("가 나\n", result.out());
    }

    @Test
    void pretrainRecipeKeepsEmoji() {
        Run result = run("좋아요😀😀\n", "--rules", "kcelectra-pretrain");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("좋아요😀😀\n", result.out());
    }

    @Test
    void jsonlReadsAndWritesJsonStrings() {
        Run result = run("\"ㅋㅋㅋㅋ\\n줄바꿈\\u0000\"\n\"\\ud800외톨이\"\n\"\"\n", "--jsonl");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("\"ㅋㅋ 줄바꿈\\u0000\"\n\"외톨이\"\n\"\"\n", result.out(), "NUL is ASCII: kept, and escaped in JSON");
    }

    @Test
    void invalidUtf8NamesTheLineAndKeepsEarlierOutput() {
        byte[] input = {'o', 'k', '\n', (byte) 0xEA, (byte) 0xB0, '\n', 'n', 'e', 'v', 'e', 'r', '\n'};
        Run result = run(input);
        assertEquals(CliExceptionHandler.EXIT_BAD_INPUT, result.exitCode());
        assertEquals("ok\n", result.out());
        assertTrue(result.err().contains("stdin line 2: invalid UTF-8 at byte 1"), result.err());
    }

    @Test
    void invalidJsonAndNonStringsNameTheLine() {
        Run broken = run("\"fine\"\n{\"text\": \"가\"}\n", "--jsonl");
        assertEquals(CliExceptionHandler.EXIT_BAD_INPUT, broken.exitCode());
        assertEquals("\"fine\"\n", broken.out());
        assertTrue(broken.err().contains("stdin line 2: expected a JSON string but found object"), broken.err());

        Run unterminated = run("\"a\"\n\"b\"\n\"unterminated\n", "--jsonl");
        assertTrue(unterminated.err().contains("stdin line 3: invalid JSON"), unterminated.err());
        Run trailing = run("\"a\" \"b\"\n", "--jsonl");
        assertTrue(trailing.err().contains("stdin line 1: invalid JSON"), trailing.err());
        Run empty = run("\"a\"\n\n", "--jsonl");
        assertTrue(empty.err().contains("stdin line 2: empty line"), empty.err());
    }

    @Test
    void unknownRecipeIsAUsageError() {
        Run result = run("x\n", "--rules", "kobert");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("unknown cleaning recipe 'kobert'"), result.err());
    }

    @Test
    void streamsWithoutReadingFarAheadOfWhatItWrites() {
        // 4 MB of input; at every byte read, the output written so far must trail the input by less than
        // 512 KB of lines, so memory does not grow with the input.
        byte[] line = "ㅋㅋㅋㅋ 댓글\n".getBytes(StandardCharsets.UTF_8);
        int cleanedLineBytes = "ㅋㅋ 댓글\n".getBytes(StandardCharsets.UTF_8).length;
        long lines = 200_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] worstLag = {0};
        InputStream input = new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= lines * line.length) {
                    return -1;
                }
                long linesWritten = out.size() / cleanedLineBytes;
                worstLag[0] = Math.max(worstLag[0], position - linesWritten * line.length);
                return line[(int) (position++ % line.length)] & 0xFF;
            }
        };
        int exitCode = new CommandLine(new CleanCommand(input, out)).execute();
        assertEquals(0, exitCode);
        assertEquals(lines, out.toString(StandardCharsets.UTF_8).lines().filter("ㅋㅋ 댓글"::equals).count());
        assertTrue(worstLag[0] < 512 * 1024, "input read " + worstLag[0] + " bytes ahead of the output");
    }

    @Test
    void registeredUnderTheRootCommand() {
        assertTrue(KcwbCommand.commandLine().getSubcommands().containsKey("clean"));
    }
}
