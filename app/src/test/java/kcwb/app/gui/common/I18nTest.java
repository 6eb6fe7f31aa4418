package kcwb.app.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class I18nTest {
    @Test
    void koreanAndEnglishBundlesHaveTheSameKeys() {
        Set<String> english = new TreeSet<>(I18n.of(Locale.ENGLISH).bundle().keySet());
        Set<String> korean = new TreeSet<>(I18n.of(Locale.KOREAN).bundle().keySet());
        assertEquals(english, korean);
    }

    @Test
    void koreanBundleIsReadAsUtf8() {
        assertEquals("미리보기", I18n.of(Locale.KOREAN).get("nav.preview"));
    }

    @Test
    void everyKoreanNavigationLabelContainsHangul() {
        I18n korean = I18n.of(Locale.KOREAN);
        for (String key : korean.bundle().keySet()) {
            if (key.startsWith("nav.")) {
                assertTrue(korean.get(key).codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3), key);
            }
        }
    }

    @Test
    void argumentsAreFilledIn() {
        assertEquals("Annotator: 민지", I18n.of(Locale.ENGLISH).get("status.annotator", "민지"));
    }

    @Test
    void missingKeyIsVisibleNotACrash() {
        assertEquals("!no.such.key!", I18n.of(Locale.ENGLISH).get("no.such.key"));
    }

    @Test
    void otherLanguagesFallBackToEnglish() {
        assertFalse(I18n.of(Locale.JAPANESE).isKorean());
        assertEquals("Preview", I18n.of(Locale.GERMANY).get("nav.preview"));
    }

    @ParameterizedTest(name = "override={0} saved={1} os={2} -> {3}")
    @CsvSource({
        "ko, en, en-US, ko",
        "en, ko, ko-KR, en",
        ", ko, en-US, ko",
        ", en, ko-KR, en",
        ", , ko-KR, ko",
        ", , en-US, en",
        ", , fr-FR, en",
    })
    void overrideThenSavedThenOs(String override, String saved, String os, String expected) {
        Locale locale = I18n.resolveLocale(override, Optional.ofNullable(saved), Locale.forLanguageTag(os));
        assertEquals(expected, locale.getLanguage());
    }
}
