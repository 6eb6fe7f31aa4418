package kcwb.storage.io;

import java.io.IOException;
import java.util.List;

/** {@code text|label}: the separator is the LAST '|', so texts may contain '|' themselves. */
final class PipeRowReader implements RowReader {
    private final Utf8LineReader lines;

    PipeRowReader(Utf8LineReader lines) {
        this.lines = lines;
    }

    @Override
    public ParsedRow next() throws IOException {
        Utf8LineReader.Line line = lines.next();
        while (line != null && line.ok() && line.text().isEmpty()) {
            line = lines.next();
        }
        if (line == null) {
            return null;
        }
        if (!line.ok()) {
            return new ParsedRow.Rejected(line.number(), line.error());
        }
        int separator = line.text().lastIndexOf('|');
        if (separator < 0) {
            return new ParsedRow.Rejected(line.number(), "no '|' separating text and label");
        }
        String label = line.text().substring(separator + 1).strip();
        return new ParsedRow.Good(line.number(), line.text().substring(0, separator),
                label.isEmpty() ? List.of() : List.of(label), null);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
