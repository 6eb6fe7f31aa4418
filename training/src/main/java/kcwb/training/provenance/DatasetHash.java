package kcwb.training.provenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of a dataset as the model saw it: one line {@code split \t id \t cleaned text \t labels} per row,
 * splits in the order added, rows in id order (numeric when every id is a number, else by string), so
 * re-importing the same rows in another order gives the same hash and a change of cleaning gives another.
 */
public final class DatasetHash {
    private final MessageDigest digest;

    public DatasetHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** One row: its id, cleaned text and label names. */
    public record Row(String id, String cleanedText, List<String> labels) {}

    public DatasetHash addSplit(String split, List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        boolean numeric = rows.stream().allMatch(r -> r.id().matches("-?\\d{1,18}"));
        sorted.sort(numeric ? Comparator.comparingLong((Row r) -> Long.parseLong(r.id())) : Comparator.comparing(Row::id));
        for (Row row : sorted) {
            String line = split + '\t' + row.id() + '\t' + escape(row.cleanedText()) + '\t'
                    + String.join(",", row.labels()) + '\n';
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    /** SHA-256 (hex) of a file's bytes, streamed. */
    public static String sha256(java.nio.file.Path file) throws java.io.IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (var in = java.nio.file.Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    md.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
