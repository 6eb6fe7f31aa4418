package kcwb.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void firstStartGivesDefaultsWithoutAName() {
        AppSettings settings = new AppSettingsStore(dir).load();
        assertEquals(AppSettings.defaults(), settings);
        assertFalse(settings.hasAnnotatorName());
    }

    @Test
    void savedSettingsComeBack() {
        AppSettingsStore store = new AppSettingsStore(dir.resolve("nested"));
        AppSettings saved = AppSettings.defaults().withAnnotatorName(" 김민지 ").withLanguage("ko")
                .withDarkTheme(true).withRecentWorkspace("/data/a.kcwb");
        store.save(saved);
        AppSettings loaded = store.load();
        assertEquals(saved, loaded);
        assertEquals("김민지", loaded.annotatorName());
    }

    @Test
    void recentWorkspacesAreNewestFirstWithoutDuplicatesAndCapped() {
        AppSettings settings = AppSettings.defaults();
        for (int i = 0; i < 15; i++) {
            settings = settings.withRecentWorkspace("/w/" + i);
        }
        settings = settings.withRecentWorkspace("/w/10");
        List<String> expected = IntStream.of(10, 14, 13, 12, 11, 9, 8, 7, 6, 5).mapToObj(i -> "/w/" + i).toList();
        assertEquals(expected, settings.recentWorkspaces());
    }

    @Test
    void unreadableFileIsKeptAsideAndDefaultsAreUsed() throws IOException {
        AppSettingsStore store = new AppSettingsStore(dir);
        Files.writeString(store.file(), "{\"annotatorName\": \"half");
        assertEquals(AppSettings.defaults(), store.load());
        Path aside = store.lastBrokenFile().orElseThrow();
        assertEquals("{\"annotatorName\": \"half", Files.readString(aside));
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws IOException {
        AppSettingsStore store = new AppSettingsStore(dir);
        Files.writeString(store.file(), "{\"annotatorName\":\"lee\",\"futureField\":3}");
        assertEquals("lee", store.load().annotatorName());
    }

    @Test
    void updateWritesThrough() {
        AppSettingsStore store = new AppSettingsStore(dir);
        store.update(s -> s.withAnnotatorName("park"));
        assertEquals("park", new AppSettingsStore(dir).load().annotatorName());
        assertTrue(Files.isRegularFile(dir.resolve(AppSettingsStore.FILE_NAME)));
    }

    @Test
    void configDirPropertyWinsThenXdgThenHome() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/tmp/cfg"),
                AppSettingsStore.standardDirectory("/tmp/cfg", Map.of("XDG_CONFIG_HOME", "/x"), home));
        assertEquals(Path.of("/x/kcwb"), AppSettingsStore.standardDirectory(null, Map.of("XDG_CONFIG_HOME", "/x"), home));
        assertEquals(Path.of("/home/u/.config/kcwb"), AppSettingsStore.standardDirectory(null, Map.of(), home));
        assertEquals(Path.of("/home/u/.config/kcwb"),
                AppSettingsStore.standardDirectory("", Map.of("XDG_CONFIG_HOME", "relative"), home));
    }
}
