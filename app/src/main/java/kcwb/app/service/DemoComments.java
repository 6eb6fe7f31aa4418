package kcwb.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo comments the app ships (written by us, see assets/demo/README.md): classpath resource
 * {@value #RESOURCE}, one JSON object per line, {@code {"text": "...", "label": "hate|offensive|none"}} with the
 * label absent for unlabelled comments. The first-start demo workspace is built from these.
 */
public final class DemoComments {
    public static final String RESOURCE = "/kcwb/app/demo/comments.jsonl";
    public static final List<String> LABELS = List.of("hate", "offensive", "none");

    /** One demo comment; {@code label} is empty when the comment is unlabelled. */
    public record DemoComment(int line, String text, Optional<String> label) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoComments() {}

    /** All demo comments, in file order. A malformed line is a build error: it names the line. */
    public static List<DemoComment> load() {
        try (InputStream in = DemoComments.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Demo data missing from the classpath: " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static List<DemoComment> parse(BufferedReader reader) throws IOException {
        List<DemoComment> comments = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException(RESOURCE + ":" + number + ": invalid JSON: " + e.getMessage(), e);
            }
            JsonNode text = node.get("text");
            if (text == null || !text.isTextual()) {
                throw new IllegalArgumentException(RESOURCE + ":" + number + ": missing \"text\" string");
            }
            JsonNode label = node.get("label");
            Optional<String> labelValue = label == null || label.isNull() ? Optional.empty() : Optional.of(label.asText());
            if (labelValue.isPresent() && !LABELS.contains(labelValue.get())) {
                throw new IllegalArgumentException(RESOURCE + ":" + number + ": unknown label " + labelValue.get());
            }
            comments.add(new DemoComment(number, text.asText(), labelValue));
        }
        return comments;
    }
}
