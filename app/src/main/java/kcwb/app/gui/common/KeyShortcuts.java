package kcwb.app.gui.common;

import java.util.OptionalInt;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Labeling hotkeys read from key codes, never from the typed character: with a Korean IME active, the digit
 * keys still arrive as DIGIT1..9 while {@code getText()} or KEY_TYPED may carry composed Hangul or nothing.
 * Use on KEY_PRESSED.
 */
public final class KeyShortcuts {
    // KeyEvent.isShortcutDown() asks the running toolkit; this keeps the class testable without one.
    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase().startsWith("mac");

    private KeyShortcuts() {}

    private static boolean shortcut(KeyEvent event) {
        return MAC ? event.isMetaDown() : event.isControlDown();
    }

    /** 0 for the key 1 (top row or keypad) … 8 for the key 9; empty for anything else or with a modifier. */
    public static OptionalInt labelIndex(KeyEvent event) {
        if (event.isAltDown() || event.isControlDown() || event.isMetaDown()) {
            return OptionalInt.empty();
        }
        KeyCode code = event.getCode();
        int top = code.ordinal() - KeyCode.DIGIT1.ordinal();
        if (top >= 0 && top < 9) {
            return OptionalInt.of(top);
        }
        int keypad = code.ordinal() - KeyCode.NUMPAD1.ordinal();
        if (keypad >= 0 && keypad < 9) {
            return OptionalInt.of(keypad);
        }
        return OptionalInt.empty();
    }

    /** Ctrl+Z (Cmd+Z on macOS) without Shift. */
    public static boolean isUndo(KeyEvent event) {
        return event.getCode() == KeyCode.Z && shortcut(event) && !event.isShiftDown();
    }

    /** Ctrl+Shift+Z (Cmd+Shift+Z on macOS), or Ctrl+Y. */
    public static boolean isRedo(KeyEvent event) {
        return shortcut(event)
                && (event.getCode() == KeyCode.Z && event.isShiftDown() || event.getCode() == KeyCode.Y);
    }
}
