package kcwb.storage.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One JSON object per line; the text field must be a string, the label a string, number, boolean or array. */
final class JsonlRowReader implements RowReader {
    private final Utf8LineReader lines;
    private final String textField;
    private final String labelField;

    JsonlRowReader(Utf8LineReader lines, ImportOptions options) {
        this.lines = lines;
        this.textField = options.textColumn();
        this.labelField = options.labelColumn();
    }

    @Override
    public ParsedRow next() throws IOException {
        Utf8LineReader.Line line = lines.next();
        while (line != null && line.ok() && line.text().isBlank()) {
            line = lines.next();
        }
        if (line == null) {
            return null;
        }
        if (!line.ok()) {
            return new ParsedRow.Rejected(line.number(), line.error());
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line.text());
        } catch (JsonProcessingException e) {
            return new ParsedRow.Rejected(line.number(), "bad JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            return new ParsedRow.Rejected(line.number(), "bad JSON: expected an object per line");
        }
        JsonNode text = object.get(textField);
        if (text == null || !text.isTextual()) {
            return new ParsedRow.Rejected(line.number(), "missing or non-string field '" + textField + "'");
        }
        List<String> labels = new ArrayList<>();
        JsonNode label = labelField == null ? null : object.get(labelField);
        if (label != null && !label.isNull()) {
            if (label.isArray()) {
                label.forEach(value -> labels.add(value.asText()));
            } else if (label.isValueNode()) {
                labels.add(label.asText());
            } else {
                return new ParsedRow.Rejected(line.number(), "field '" + labelField + "' must be a string, number, boolean or array");
            }
        }
        object.remove(textField);
        if (labelField != null) {
            object.remove(labelField);
        }
        labels.removeIf(String::isBlank);
        return new ParsedRow.Good(line.number(), text.asText(), labels, object.isEmpty() ? null : object.toString());
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
