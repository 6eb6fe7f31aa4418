package kcwb.app.service.train;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
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
 * Reads (text, label) rows from a TSV or CSV file with a header row, or from JSONL, by file extension.
 * Every problem (missing column, empty text or label, bad JSON, invalid UTF-8) names the file and line.
 */
public final class TableFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row: its 1-based line number in the file, text and label. */
    public record Row(long line, String text, String label) {}

    private TableFile() {}

    public static List<Row> read(Path file, String textColumn, String labelColumn) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            return name.endsWith(".jsonl") || name.endsWith(".json") ? jsonl(file, reader, textColumn, labelColumn)
                    : delimited(file, reader, name.endsWith(".csv") ? ',' : '\t', textColumn, labelColumn);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not valid UTF-8 (" + e.getMessage() + ")", e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + ": " + e.getCause().getMessage(), e);
        }
    }

    private static List<Row> jsonl(Path file, BufferedReader reader, String textColumn, String labelColumn) throws IOException {
        List<Row> rows = new ArrayList<>();
        long line = 0;
        for (String text; (text = reader.readLine()) != null; ) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JacksonException e) {
                throw new IllegalArgumentException(file + " line " + line + ": invalid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(file + " line " + line + ": expected a JSON object");
            }
            rows.add(row(file, line, field(node, textColumn), field(node, labelColumn), textColumn, labelColumn));
        }
        return rows;
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }

    private static List<Row> delimited(Path file, BufferedReader reader, char delimiter, String textColumn,
            String labelColumn) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setQuote(delimiter == '\t' ? null : '"').setIgnoreEmptyLines(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : List.of(textColumn, labelColumn)) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalArgumentException(file + " line 1: no column '" + column + "' in the header "
                            + parser.getHeaderNames());
                }
            }
            for (CSVRecord record : parser) {
                long line = record.getParser().getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new IllegalArgumentException(file + " line " + line + ": " + record.size()
                            + " columns, the header has " + parser.getHeaderNames().size());
                }
                rows.add(row(file, line, record.get(textColumn), record.get(labelColumn), textColumn, labelColumn));
            }
        }
        return rows;
    }

    private static Row row(Path file, long line, String text, String label, String textColumn, String labelColumn) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(file + " line " + line + ": empty text (column '" + textColumn + "')");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException(file + " line " + line + ": empty label (column '" + labelColumn + "')");
        }
        return new Row(line, text, label.strip());
    }
}
