package kcwb.app.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmojiTextTest {
    @Test
    void segmentsJoinBackToTheInput() {
        String text = "ㅋㅋㅋ 😂 진짜 웃기네 👍🏻👍🏻 10000원 🇰🇷";
        assertEquals(text, EmojiText.segments(text).stream().map(EmojiText.Segment::text)
                .collect(Collectors.joining()));
    }

    @Test
    void emojiAreReplacedByTheirNames() {
        assertEquals("ㅋㅋ:face with tears of joy: 대박", EmojiText.withNames("ㅋㅋ😂 대박"));
    }

    @Test
    void skinToneAndZwjSequencesAreOneEmojiEach() {
        List<EmojiText.Segment> emoji = EmojiText.segments("👍🏻👨‍👩‍👧").stream()
                .filter(EmojiText.Segment::isEmoji).toList();
        assertEquals(2, emoji.size());
        assertEquals("👨‍👩‍👧", emoji.get(1).text());
    }

    @Test
    void textWithoutEmojiIsOnePlainSegment() {
        assertEquals(List.of(new EmojiText.Segment("ㅇㅈ ㄹㅇ", null)), EmojiText.segments("ㅇㅈ ㄹㅇ"));
    }

    @Test
    void emptyTextHasNoSegments() {
        assertEquals(List.of(), EmojiText.segments(""));
    }
}
