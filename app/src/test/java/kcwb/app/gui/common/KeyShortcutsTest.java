package kcwb.app.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyShortcutsTest {
    private static KeyEvent pressed(KeyCode code, String text, boolean shift, boolean control) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", text, code, shift, control, false, false);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"DIGIT1, 0", "DIGIT5, 4", "DIGIT9, 8", "NUMPAD1, 0", "NUMPAD9, 8"})
    void digitKeysMapToLabelIndexes(KeyCode code, int index) {
        assertEquals(OptionalInt.of(index), KeyShortcuts.labelIndex(pressed(code, "", false, false)));
    }

    @Test
    void theKeyCodeCountsNotTheTextAKoreanImeDelivers() {
        assertEquals(OptionalInt.of(1), KeyShortcuts.labelIndex(pressed(KeyCode.DIGIT2, "ㅂ", false, false)));
    }

    @ParameterizedTest
    @CsvSource({"DIGIT0", "NUMPAD0", "A", "SPACE"})
    void otherKeysAreNotLabels(KeyCode code) {
        assertTrue(KeyShortcuts.labelIndex(pressed(code, "", false, false)).isEmpty());
    }

    @Test
    void digitsWithControlAreNotLabels() {
        assertTrue(KeyShortcuts.labelIndex(pressed(KeyCode.DIGIT1, "", false, true)).isEmpty());
    }

    @Test
    void undoAndRedo() {
        Assumptions.assumeFalse(System.getProperty("os.name").toLowerCase().startsWith("mac"), "Ctrl is the shortcut key");
        assertTrue(KeyShortcuts.isUndo(pressed(KeyCode.Z, "", false, true)));
        assertFalse(KeyShortcuts.isUndo(pressed(KeyCode.Z, "", true, true)));
        assertTrue(KeyShortcuts.isRedo(pressed(KeyCode.Z, "", true, true)));
        assertTrue(KeyShortcuts.isRedo(pressed(KeyCode.Y, "", false, true)));
        assertFalse(KeyShortcuts.isRedo(pressed(KeyCode.Z, "", false, true)));
        assertFalse(KeyShortcuts.isUndo(pressed(KeyCode.Z, "", false, false)));
    }
}
