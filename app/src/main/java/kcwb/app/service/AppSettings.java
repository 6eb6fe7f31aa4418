package kcwb.app.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the app remembers between starts, per user: the annotator name stored with every annotation, the
 * recently opened workspaces (newest first), the UI language ("ko", "en" or empty = follow the OS) and the
 * theme. Written by {@link AppSettingsStore} as {@code settings.json}.
 */
public record AppSettings(String annotatorName, List<String> recentWorkspaces, String language, boolean darkTheme) {
    /** How many recent workspaces the File menu lists. */
    public static final int MAX_RECENT = 10;

    public AppSettings {
        annotatorName = annotatorName == null ? "" : annotatorName.strip();
        recentWorkspaces = recentWorkspaces == null ? List.of() : List.copyOf(recentWorkspaces);
        language = language == null ? "" : language.strip();
    }

    /** First start: no name yet (the app asks), nothing recent, language from the OS, light theme. */
    public static AppSettings defaults() {
        return new AppSettings("", List.of(), "", false);
    }

    public boolean hasAnnotatorName() {
        return !annotatorName.isEmpty();
    }

    public Optional<String> savedLanguage() {
        return language.isEmpty() ? Optional.empty() : Optional.of(language);
    }

    public AppSettings withAnnotatorName(String name) {
        return new AppSettings(name, recentWorkspaces, language, darkTheme);
    }

    public AppSettings withLanguage(String newLanguage) {
        return new AppSettings(annotatorName, recentWorkspaces, newLanguage, darkTheme);
    }

    public AppSettings withDarkTheme(boolean dark) {
        return new AppSettings(annotatorName, recentWorkspaces, language, dark);
    }

    /** Moves (or adds) the workspace to the top of the recent list, keeping at most {@link #MAX_RECENT}. */
    public AppSettings withRecentWorkspace(String workspace) {
        Objects.requireNonNull(workspace, "workspace");
        List<String> recent = new ArrayList<>(recentWorkspaces);
        recent.remove(workspace);
        recent.addFirst(workspace);
        return new AppSettings(annotatorName, recent.subList(0, Math.min(MAX_RECENT, recent.size())), language,
                darkTheme);
    }

    public AppSettings withoutRecentWorkspace(String workspace) {
        List<String> recent = new ArrayList<>(recentWorkspaces);
        recent.remove(workspace);
        return new AppSettings(annotatorName, recent, language, darkTheme);
    }
}
