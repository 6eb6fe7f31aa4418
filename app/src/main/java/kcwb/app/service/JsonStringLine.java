package kcwb.app.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/** One line of a JSON Lines input that must hold exactly one JSON string (the CLI's text inputs). */
public final class JsonStringLine {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonStringLine() {}

    /** The string on the line; otherwise a {@link BadInputLineException} naming source, line and cause. */
    public static String parse(String line, String sourceName, long lineNumber) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadInputLineException(sourceName, lineNumber, "invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new BadInputLineException(sourceName, lineNumber, "empty line; expected a JSON string such as \"댓글\"");
        }
        if (!node.isTextual()) {
            throw new BadInputLineException(sourceName, lineNumber,
                    "expected a JSON string but found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return node.textValue();
    }
}
