package kcwb.storage.io;

import java.io.IOException;
import java.util.List;

/** Plain text: every non-blank line is one comment (blank lines are skipped) without a label. */
final class TextRowReader implements RowReader {
    private final Utf8LineReader lines;

    TextRowReader(Utf8LineReader lines) {
        this.lines = lines;
    }

    @Override
    public ParsedRow next() throws IOException {
        Utf8LineReader.Line line = lines.next();
        while (line != null && line.ok() && line.text().isBlank()) {
            line = lines.next(); // blank lines are not comments
        }
        if (line == null) {
            return null;
        }
        if (!line.ok()) {
            return new ParsedRow.Rejected(line.number(), line.error());
        }
        return new ParsedRow.Good(line.number(), line.text(), List.of(), null);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
