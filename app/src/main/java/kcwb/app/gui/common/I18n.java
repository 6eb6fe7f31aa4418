package kcwb.app.gui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Every visible string of the GUI comes from {@code kcwb/app/gui/messages[_ko].properties} through this class.
 * Java 9+ reads properties bundles as UTF-8, so the Korean file holds plain Hangul.
 *
 * <p>Which language: the {@code kcwb.locale} system property ({@code ko} or {@code en}) wins, then the
 * language saved in the settings, then the OS locale (Korean when the OS is Korean, English otherwise).
 */
public final class I18n {
    public static final String BUNDLE = "kcwb.app.gui.messages";
    public static final String LOCALE_PROPERTY = "kcwb.locale";
    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final Locale locale;
    private final ResourceBundle bundle;

    private I18n(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Korean or English (any other language falls back to English). */
    public static I18n of(Locale locale) {
        return new I18n(supported(locale));
    }

    /** The language to start with; {@code savedLanguage} is the settings value ("ko", "en") or empty. */
    public static I18n startup(Optional<String> savedLanguage) {
        return of(resolveLocale(System.getProperty(LOCALE_PROPERTY), savedLanguage, Locale.getDefault()));
    }

    /** The precedence rule, as a pure function: override, then saved, then OS. */
    public static Locale resolveLocale(String override, Optional<String> savedLanguage, Locale osLocale) {
        if (override != null && !override.isBlank()) {
            return supported(Locale.forLanguageTag(override.trim()));
        }
        if (savedLanguage.isPresent() && !savedLanguage.get().isBlank()) {
            return supported(Locale.forLanguageTag(savedLanguage.get().trim()));
        }
        return supported(osLocale);
    }

    private static Locale supported(Locale locale) {
        return "ko".equals(locale.getLanguage()) ? KOREAN : ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    public boolean isKorean() {
        return locale.equals(KOREAN);
    }

    /** The text for a key, with {@link MessageFormat} arguments ({0}, {1}) filled in when given. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // visible in the UI and caught by I18nTest, never a crash
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
