package kcwb.app.service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a seeded TSV of comment-like rows (text TAB label, no header, no quotes): Hangul syllables,
 * jamo laughter, digits and an emoji now and then, about 110 bytes a row; ~1% exact duplicates.
 */
public final class CommentGenerator {
    private static final String[] LABELS = {"none", "offensive", "hate"};
    private static final String[] TAILS = {"ㅋㅋㅋ", "ㅎㅎ", "ㅠㅠ", "ㄷㄷ", "!!", "...", "😂", "👍", "ㅋㅋㅋㅋㅋ", ""};

    private CommentGenerator() {}

    public static void write(Path file, long rows, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(160);
        String previous = "";
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < rows; i++) {
                text.setLength(0);
                if (i > 0 && random.nextInt(100) == 0) {
                    text.append(previous); // an exact duplicate for dedupe to find
                } else {
                    int words = 6 + random.nextInt(8);
                    for (int w = 0; w < words; w++) {
                        int syllables = 1 + random.nextInt(4);
                        for (int s = 0; s < syllables; s++) {
                            text.append((char) (0xAC00 + random.nextInt(2_350)));
                        }
                        text.append(' ');
                    }
                    text.append(i).append(' ').append(TAILS[random.nextInt(TAILS.length)]);
                }
                previous = text.toString();
                out.write(previous);
                out.write('\t');
                out.write(LABELS[random.nextInt(LABELS.length)]);
                out.write('\n');
            }
        }
    }
}
