package kcwb.app.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
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
 * {@code comments\tcontain_gender_bias\t...}). Empty lines are kept (they are comments too).
 */
public final class BenchComments {
    private BenchComments() {}

    /** @throws IOException naming the file (and the line) when it cannot be read as UTF-8 */
    public static List<String> read(Path file) throws IOException {
        boolean tsv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv");
        List<String> comments = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (tsv) {
                    if (lineNumber == 1) {
                        continue; // header
                    }
                    int tab = line.indexOf('\t');
                    line = tab < 0 ? line : line.substring(0, tab);
                }
                comments.add(line);
            }
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": line " + (lineNumber + 1) + " is not valid UTF-8", e);
        }
        return comments;
    }
}
