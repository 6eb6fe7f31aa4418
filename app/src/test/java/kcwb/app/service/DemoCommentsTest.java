package kcwb.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import kcwb.app.service.DemoComments.DemoComment;
import org.junit.jupiter.api.Test;

class DemoCommentsTest {
    private final List<DemoComment> comments = DemoComments.load();

    @Test
    void atLeastThreeHundredComments() {
        assertTrue(comments.size() >= 300, "comments: " + comments.size());
    }

    @Test
    void aboutSixtyPercentLabelledWithEveryLabelUsed() {
        long labelled = comments.stream().filter(c -> c.label().isPresent()).count();
        double share = (double) labelled / comments.size();
        assertTrue(share > 0.5 && share < 0.7, "labelled share " + share);
        Map<String, Long> counts = comments.stream().filter(c -> c.label().isPresent())
                .collect(Collectors.groupingBy(c -> c.label().get(), Collectors.counting()));
        assertEquals(Set.copyOf(DemoComments.LABELS), counts.keySet(), counts.toString());
    }

    @Test
    void containsTheNoiseThePreviewMustHandle() {
        Function<String, Long> count = needle -> comments.stream().filter(c -> c.text().contains(needle)).count();
        assertTrue(count.apply("ㅋㅋ") >= 10, "ㅋㅋ");
        assertTrue(count.apply("ㅠㅠ") >= 5, "ㅠㅠ");
        assertTrue(count.apply("http") >= 3, "URLs");
        assertTrue(count.apply("OOO") >= 2, "OOO masks");
        assertTrue(count.apply("*") >= 5, "masked profanity");
        assertTrue(comments.stream().filter(c -> c.text().codePoints().anyMatch(cp -> cp >= 0x1F300)).count() >= 20,
                "emoji");
        assertTrue(comments.stream().filter(c -> c.text().length() < 10).count() >= 10, "very short comments");
    }

    @Test
    void hasAFewExactDuplicates() {
        Set<String> seen = new HashSet<>();
        long duplicates = comments.stream().filter(c -> !seen.add(c.text())).count();
        assertTrue(duplicates >= 3 && duplicates <= 20, "duplicates " + duplicates);
    }

    @Test
    void badLineIsReportedWithItsNumber() {
        String input = "{\"text\":\"좋아요\"}\n{\"text\": 3}\n";
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DemoComments.parse(new BufferedReader(new StringReader(input))));
        assertTrue(error.getMessage().contains(":2:"), error.getMessage());
    }

    @Test
    void unknownLabelIsRejected() {
        String input = "{\"text\":\"좋아요\",\"label\":\"spam\"}\n";
        assertThrows(IllegalArgumentException.class,
                () -> DemoComments.parse(new BufferedReader(new StringReader(input))));
    }
}
