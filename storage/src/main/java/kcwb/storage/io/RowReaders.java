package kcwb.storage.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the right {@link RowReader} for a format. */
final class RowReaders {
    private RowReaders() {}

    static RowReader open(Path file, ImportOptions options) throws IOException {
        return open(file, Files.newInputStream(file), options);
    }

    /** Reads rows from {@code in} (named {@code file} in messages); closing the reader closes {@code in}. */
    static RowReader open(Path file, InputStream in, ImportOptions options) throws IOException {
        Utf8LineReader lines = new Utf8LineReader(in, options.maxLineBytes());
        try {
            return switch (options.format()) {
                case CSV, TSV, BEEP -> new DelimitedRowReader(file.toString(), lines, options);
                case JSONL -> new JsonlRowReader(lines, options);
                case TEXT -> new TextRowReader(lines);
                case PIPE -> new PipeRowReader(lines);
            };
        } catch (IOException | RuntimeException e) {
            lines.close();
            throw e;
        }
    }
}
