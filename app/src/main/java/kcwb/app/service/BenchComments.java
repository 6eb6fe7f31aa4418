package kcwb.app.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comments a benchmark runs on: a text file with one comment per line, or a {@code .tsv} whose
 * first column is the comment and whose first line is a header (BEEP! {@code train.tsv}:
 * {@code comments\tcontain_gender_bias\t...}). Empty lines are kept (they are comments too). The whole
 * file is read at once: a benchmark holds every comment in memory anyway.
 */
public final class BenchComments {
    private BenchComments() {}

    /** @throws IOException naming the file and the line when it cannot be read as UTF-8 */
    public static List<String> read(Path file) throws IOException {
        boolean tsv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv");
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> comments = new ArrayList<>();
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        int lineNumber = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            int contentEnd = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            String line;
            try {
                line = decoder.decode(ByteBuffer.wrap(bytes, start, contentEnd - start)).toString();
            } catch (CharacterCodingException e) {
                throw new IOException(file + ": line " + lineNumber + " is not valid UTF-8", e);
            }
            if (!(tsv && lineNumber == 1)) {
                int tab = tsv ? line.indexOf('\t') : -1;
                comments.add(tab < 0 ? line : line.substring(0, tab));
            }
            start = end + 1;
        }
        return comments;
    }
}
