package kcwb.app.gui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import net.fellbaum.jemoji.EmojiLanguage;
import net.fellbaum.jemoji.EmojiManager;
import net.fellbaum.jemoji.IndexedEmoji;

/**
 * Shows comment text with its emoji visible. JavaFX 25 on Linux does not draw the colour-bitmap emoji font
 * (Noto Color Emoji): under Xvfb, 👍🏻 and 🇰🇷 come out as blank space and only a few emoji (😂, ❤) appear, as
 * monochrome outlines from fallback fonts (run {@code docs/screenshots/make.sh --emoji-check}). So by
 * default each emoji is written as its name, {@code :face with tears of joy:}, styled as {@code .emoji-name},
 * with the emoji itself and its name in a tooltip. {@link Mode#GLYPH} keeps the glyph, for platforms whose
 * font stack draws it.
 * The annotator must see that an emoji is there: it carries meaning ("ㅋㅋ😂" vs "ㅋㅋ😡").
 */
public final class EmojiText {
    /** How an emoji appears. */
    public enum Mode { NAMES, GLYPH }

    /** A run of plain text, or one emoji with its name. */
    public record Segment(String text, String emojiName) {
        public boolean isEmoji() {
            return emojiName != null;
        }
    }

    private EmojiText() {}

    /** Splits text into plain runs and emoji, in order; the concatenated {@code text()}s equal the input. */
    public static List<Segment> segments(String text) {
        List<Segment> out = new ArrayList<>();
        int plainStart = 0;
        for (IndexedEmoji found : EmojiManager.extractEmojisInOrderWithIndex(text)) {
            if (found.getCharIndex() > plainStart) {
                out.add(new Segment(text.substring(plainStart, found.getCharIndex()), null));
            }
            out.add(new Segment(text.substring(found.getCharIndex(), found.getEndCharIndex()),
                    found.getEmoji().getDescription()));
            plainStart = found.getEndCharIndex();
        }
        if (plainStart < text.length()) {
            out.add(new Segment(text.substring(plainStart), null));
        }
        return out;
    }

    /** The text with each emoji replaced by {@code :name:} — for plain-text places (tables, tooltips). */
    public static String withNames(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (Segment segment : segments(text)) {
            out.append(segment.isEmoji() ? ":" + segment.emojiName() + ":" : segment.text());
        }
        return out.toString();
    }

    /** The emoji's name in the UI language when JEmoji has it, else its English (CLDR) name. */
    public static String localName(String emoji, Locale locale) {
        return EmojiManager.getEmoji(emoji)
                .map(e -> "ko".equals(locale.getLanguage())
                        ? e.getDescription(EmojiLanguage.KO).orElse(e.getDescription())
                        : e.getDescription())
                .orElse(emoji);
    }

    /** A TextFlow for a comment; every node gets style class {@code comment-text} or {@code emoji-name}. */
    public static TextFlow toTextFlow(String text, Mode mode) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("comment-flow");
        flow.getChildren().setAll(nodes(text, mode));
        return flow;
    }

    /** The nodes for a TextFlow, for views that build their own flow. */
    public static List<Node> nodes(String text, Mode mode) {
        List<Node> nodes = new ArrayList<>();
        for (Segment segment : segments(text)) {
            if (!segment.isEmoji()) {
                Text plain = new Text(segment.text());
                plain.getStyleClass().add("comment-text");
                nodes.add(plain);
                continue;
            }
            Text emoji = new Text(mode == Mode.NAMES ? ":" + segment.emojiName() + ":" : segment.text());
            emoji.getStyleClass().add(mode == Mode.NAMES ? "emoji-name" : "comment-text");
            Tooltip.install(emoji, new Tooltip(segment.text() + "  " + segment.emojiName()));
            nodes.add(emoji);
        }
        return nodes;
    }
}
