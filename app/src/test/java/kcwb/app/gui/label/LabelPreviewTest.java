package kcwb.app.gui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kcwb.training.text.KcCleaner;
import org.junit.jupiter.api.Test;

class LabelPreviewTest {
    private static String marks(String text) {
        boolean[] changed = LabelPreview.changedChars(KcCleaner.kcelectra().cleanTraced(text));
        StringBuilder out = new StringBuilder();
        for (boolean c : changed) {
            out.append(c ? 'x' : '.');
        }
        return out.toString();
    }

    @Test
    void marksWhatCleaningRemovedOrChanged() {
        assertEquals("...", marks("안녕요"));
        assertEquals(".....xx", marks("ㅋㅋ 좋아😀"), "the emoji (two chars) is removed");
        assertEquals("..x", marks("ㅋㅋㅋ"), "repeat normalisation keeps two");
        assertEquals("x..x", marks(" 좋아 "), "stripped spaces");
    }
}
