package kcwb.storage.io;

import java.util.List;

/** What a row reader yields per record: a good row or a rejected one, both with the file line. */
public sealed interface ParsedRow {
    long line();

    /**
     * A readable record: the text exactly as in the file, its label names (maybe empty), metadata JSON or null,
     * and the text's UTF-8 bytes when the reader had them at hand (a slice of the line), else null.
     */
    record Good(long line, String text, List<String> labels, String metadataJson, byte[] textUtf8) implements ParsedRow {
        public Good {
            labels = List.copyOf(labels);
        }

        public Good(long line, String text, List<String> labels, String metadataJson) {
            this(line, text, labels, metadataJson, null);
        }
    }

    /** A record the reader refused, and why. */
    record Rejected(long line, String reason) implements ParsedRow {}
}
