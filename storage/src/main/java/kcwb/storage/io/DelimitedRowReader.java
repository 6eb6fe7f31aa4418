package kcwb.storage.io;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV and TSV with RFC 4180 quoting ("" inside quotes; a quoted field may span lines). Not
 * Commons CSV: we need per-line strict UTF-8 checks, a bounded record length, and to resume after
 * an unterminated quote at the next line instead of swallowing the rest of the file.
 */
final class DelimitedRowReader implements RowReader {
    private final String file;
    private final Utf8LineReader lines;
    private final char delimiter;
    private final boolean quoting;
    private final int maxRecordChars;
    private final Deque<Utf8LineReader.Line> pushedBack = new ArrayDeque<>();
    private List<String> header;
    private int expectedColumns = -1;
    private int textColumn;
    private int labelColumn = -1;

    DelimitedRowReader(String file, Utf8LineReader lines, ImportOptions options) throws IOException {
        this.file = file;
        this.lines = lines;
        this.delimiter = options.format() == ImportFormat.CSV ? ',' : '\t';
        this.quoting = options.quoting();
        this.maxRecordChars = options.maxLineBytes();
        if (options.hasHeader()) {
            readHeader(options);
        } else {
            textColumn = indexOf(options.textColumn(), "text");
            labelColumn = options.labelColumn() == null ? -1 : indexOf(options.labelColumn(), "label");
        }
    }

    @Override
    public ParsedRow next() throws IOException {
        Record record = readRecord();
        while (record != null && record.rejected == null && isBlankLine(record)) {
            record = readRecord(); // blank lines are not rows
        }
        if (record == null) {
            return null;
        }
        if (record.rejected != null) {
            return record.rejected;
        }
        List<String> fields = record.fields;
        if (expectedColumns < 0) {
            expectedColumns = fields.size();
        }
        if (fields.size() != expectedColumns) {
            return new ParsedRow.Rejected(record.line, "wrong column count: expected " + expectedColumns + ", found " + fields.size());
        }
        int needed = Math.max(textColumn, labelColumn) + 1;
        if (fields.size() < needed) { // the first row set expectedColumns, and it was too short for the mapping
            return new ParsedRow.Rejected(record.line, "no column " + (needed - 1) + ": the row has " + fields.size()
                    + " column" + (fields.size() == 1 ? "" : "s"));
        }
        String label = labelColumn < 0 ? "" : fields.get(labelColumn);
        return new ParsedRow.Good(record.line, fields.get(textColumn), label.isBlank() ? List.of() : List.of(label.strip()),
                metadata(fields), record.textUtf8);
    }

    private static boolean isBlankLine(Record record) {
        return record.fields.size() == 1 && record.fields.getFirst().isEmpty();
    }

    private String metadata(List<String> fields) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            if (i != textColumn && i != labelColumn) {
                extra.put(header == null ? "column" + i : header.get(i), fields.get(i));
            }
        }
        return extra.isEmpty() ? null : Json.write(extra);
    }

    private void readHeader(ImportOptions options) throws IOException {
        Record record = readRecord();
        if (record == null) {
            throw new ImportException(file + ": empty file, expected a header line");
        }
        if (record.rejected != null) {
            throw new ImportException(file + ":" + record.rejected.line() + ": cannot read the header: " + record.rejected.reason());
        }
        header = record.fields.stream().map(String::strip).toList();
        expectedColumns = header.size();
        textColumn = indexOf(options.textColumn(), "text");
        labelColumn = options.labelColumn() == null ? -1 : indexOf(options.labelColumn(), "label");
    }

    private int indexOf(String column, String role) {
        if (header != null && header.contains(column)) {
            return header.indexOf(column);
        }
        if (column != null && column.matches("\\d+")) {
            int index = Integer.parseInt(column);
            if (expectedColumns < 0 || index < expectedColumns) {
                return index;
            }
        }
        throw new ImportException(file + ":1: no " + role + " column '" + column + "'"
                + (header == null ? " (no header: give a 0-based column index)" : " in the header " + header));
    }

    /** {@code textUtf8}: the text column's bytes, sliced from a quote-free line; null otherwise. */
    private record Record(long line, List<String> fields, ParsedRow.Rejected rejected, byte[] textUtf8) {
        Record(long line, List<String> fields, ParsedRow.Rejected rejected) {
            this(line, fields, rejected, null);
        }
    }

    private Utf8LineReader.Line nextLine() throws IOException {
        return pushedBack.isEmpty() ? lines.next() : pushedBack.pop();
    }

    /** One logical record, which may span lines when a quoted field holds a newline. */
    private Record readRecord() throws IOException {
        Utf8LineReader.Line first = nextLine();
        if (first == null) {
            return null;
        }
        if (!first.ok()) {
            return new Record(first.number(), null, new ParsedRow.Rejected(first.number(), first.error()));
        }
        if (!quoting || first.text().indexOf('"') < 0) {
            return new Record(first.number(), splitUnquoted(first.text()), null, field(first.utf8(), textColumn));
        }
        List<Utf8LineReader.Line> consumed = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String text = first.text();
        int pos = 0;
        boolean inQuotes = false;
        boolean fieldStart = true;
        int totalChars = text.length();
        while (true) {
            if (pos >= text.length()) {
                if (!inQuotes) {
                    fields.add(field.toString());
                    return new Record(first.number(), fields, null);
                }
                Utf8LineReader.Line more = nextLine();
                if (more == null || !more.ok() || (totalChars += more.text().length() + 1) > maxRecordChars) {
                    return unterminated(first, consumed, more);
                }
                consumed.add(more);
                field.append('\n');
                text = more.text();
                pos = 0;
                continue;
            }
            char c = text.charAt(pos++);
            if (inQuotes) {
                if (c != '"') {
                    field.append(c);
                } else if (pos < text.length() && text.charAt(pos) == '"') {
                    field.append('"');
                    pos++;
                } else {
                    inQuotes = false;
                    if (pos < text.length() && text.charAt(pos) != delimiter) {
                        return new Record(first.number(), null, new ParsedRow.Rejected(first.number(),
                                "unexpected character after a closing quote in column " + (fields.size() + 1)));
                    }
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                continue;
            } else if (c == '"' && fieldStart && quoting) {
                inQuotes = true;
            } else {
                field.append(c);
            }
            fieldStart = false;
        }
    }

    /** The common case, a line without quotes: plain splits on the delimiter. */
    private List<String> splitUnquoted(String text) {
        List<String> fields = new ArrayList<>(expectedColumns > 0 ? expectedColumns : 4);
        int start = 0;
        int next;
        while ((next = text.indexOf(delimiter, start)) >= 0) {
            fields.add(text.substring(start, next));
            start = next + 1;
        }
        fields.add(text.substring(start));
        return fields;
    }

    /**
     * The bytes of field {@code column} of a quote-free line: the delimiter is ASCII, so it never occurs inside
     * a multi-byte UTF-8 sequence and the fields of the bytes are the fields of the text. Null when the line has
     * fewer fields (the row is rejected later).
     */
    private byte[] field(byte[] line, int column) {
        int start = 0;
        for (int seen = 0; seen < column; seen++) {
            int next = indexOf(line, (byte) delimiter, start);
            if (next < 0) {
                return null;
            }
            start = next + 1;
        }
        int end = indexOf(line, (byte) delimiter, start);
        return Arrays.copyOfRange(line, start, end < 0 ? line.length : end);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Reports the unterminated quote and resumes at the line after the one where it opened. */
    private Record unterminated(Utf8LineReader.Line first, List<Utf8LineReader.Line> consumed, Utf8LineReader.Line stop) {
        if (stop != null) {
            pushedBack.push(stop);
        }
        for (int i = consumed.size() - 1; i >= 0; i--) {
            pushedBack.push(consumed.get(i));
        }
        return new Record(first.number(), null, new ParsedRow.Rejected(first.number(), "unterminated quote"));
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
