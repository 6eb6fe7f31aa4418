package kcwb.training.finetune;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads (text, labels) rows from a labelled file, by extension: {@code .jsonl}/{@code .json} (one object per
 * line), {@code .csv} (comma, RFC 4180 quotes), anything else TSV (tab, no quoting); TSV/CSV need a header row.
 * UTF-8, with or without BOM. Reading goes on past a bad row, so every bad row is reported, with its line and
 * cause; only an unreadable header, invalid UTF-8 or broken CSV quoting stops the file.
 */
public final class LabelledFileReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The whole file is decoded at once (exact lines for invalid UTF-8); Java arrays stop short of 2 GiB. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 64;

    /** The readable rows of {@code file} and the problems of the others. */
    public record Result(Path file, List<LabelledRow> rows, List<DatasetProblem> problems) {
        public Result {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }
    }

    private final FileDatasetOptions options;
    private final LabelValues labelValues;

    public LabelledFileReader(FileDatasetOptions options) {
        this.options = options;
        this.labelValues = new LabelValues(options);
    }

    public Result read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        List<LabelledRow> rows = new ArrayList<>();
        List<DatasetProblem> problems = new ArrayList<>();
        String text = decode(file, problems);
        if (text != null) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".jsonl") || name.endsWith(".json")) {
                jsonl(file, text, rows, problems);
            } else {
                delimited(file, text, name.endsWith(".csv") ? ',' : '\t', rows, problems);
            }
        }
        return new Result(file, rows, problems);
    }

    /** The file's text without BOM, or null after adding a problem for every line that is not valid UTF-8. */
    private static String decode(Path file, List<DatasetProblem> problems) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": " + size + " bytes; files over " + MAX_BYTES
                    + " bytes cannot be trained on directly: import them into a workspace (kcwb import) instead");
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = strictUtf8().decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException whole) {
            long line = 1;
            int start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == '\n') {
                    try {
                        strictUtf8().decode(ByteBuffer.wrap(bytes, start, i - start));
                    } catch (CharacterCodingException e) {
                        problems.add(new DatasetProblem(file, line, "not valid UTF-8"));
                    }
                    line++;
                    start = i + 1;
                }
            }
            return null;
        }
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private void jsonl(Path file, String text, List<LabelledRow> rows, List<DatasetProblem> problems) {
        long line = 0;
        for (String json : (Iterable<String>) text.lines()::iterator) {
            line++;
            if (json.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(json);
            } catch (JacksonException e) {
                problems.add(new DatasetProblem(file, line, "invalid JSON: " + e.getOriginalMessage()));
                continue;
            }
            if (node == null || !node.isObject()) {
                problems.add(new DatasetProblem(file, line, "expected a JSON object"));
                continue;
            }
            String labelField = options.labelColumns().stream().filter(node::has).findFirst()
                    .orElse(options.labelColumnName());
            JsonNode textNode = node.get(options.textColumn());
            String rowText = textNode == null || textNode.isNull() ? null
                    : textNode.isTextual() ? textNode.asText() : textNode.toString();
            add(file, line, rowText, () -> labelValues.fromJson(node.get(labelField), labelField), rows, problems);
        }
    }

    private void delimited(Path file, String text, char delimiter, List<LabelledRow> rows, List<DatasetProblem> problems)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setQuote(delimiter == '\t' ? null : '"').setIgnoreEmptyLines(true).get();
        CSVParser header;
        try {
            header = CSVParser.parse(new StringReader(text), format);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.add(new DatasetProblem(file, 1, "unreadable header row: " + cause.getMessage()));
            return;
        }
        try (CSVParser parser = header) {
            if (!parser.getHeaderMap().containsKey(options.textColumn())) {
                problems.add(new DatasetProblem(file, 1, "no column '" + options.textColumn() + "' in the header "
                        + parser.getHeaderNames()));
                return;
            }
            String labelColumn = options.labelColumns().stream().filter(parser.getHeaderMap()::containsKey).findFirst()
                    .orElse(null);
            if (labelColumn == null) {
                problems.add(new DatasetProblem(file, 1, "no column '" + String.join("' or '", options.labelColumns())
                        + "' in the header " + parser.getHeaderNames()));
                return;
            }
            var records = parser.iterator();
            long lastLine = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    problems.add(new DatasetProblem(file, lastLine + 1, "unreadable " + (delimiter == ',' ? "CSV" : "TSV")
                            + " from this line (" + cause.getMessage() + ", an unclosed quote?); the rest of the file "
                            + "was not read"));
                    return;
                }
                long line = record.getParser().getCurrentLineNumber();
                lastLine = line;
                if (!record.isConsistent()) {
                    problems.add(new DatasetProblem(file, line, record.size() + " columns, the header has "
                            + parser.getHeaderNames().size()));
                    continue;
                }
                add(file, line, record.get(options.textColumn()),
                        () -> labelValues.fromCell(record.get(labelColumn), labelColumn), rows, problems);
            }
        }
    }

    private interface Labels {
        List<String> get() throws LabelValues.BadLabel;
    }

    private void add(Path file, long line, String text, Labels labels, List<LabelledRow> rows, List<DatasetProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new DatasetProblem(file, line, "empty text (column '" + options.textColumn() + "')"));
            return;
        }
        try {
            rows.add(new LabelledRow(line, text, labels.get()));
        } catch (LabelValues.BadLabel e) {
            problems.add(new DatasetProblem(file, line, e.getMessage()));
        }
    }
}
