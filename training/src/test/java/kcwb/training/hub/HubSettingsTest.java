package kcwb.training.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment is read with huggingface_hub's precedence (constants.py, _auth.py). */
class HubSettingsTest {
    @TempDir
    Path home;

    @Test
    void defaultsMatchHuggingfaceHub() {
        HubSettings s = HubSettings.fromEnvironment(Map.of(), home);
        assertEquals(URI.create("https://huggingface.co"), s.endpoint());
        assertEquals(home.resolve(".cache/huggingface/hub"), s.cacheDir());
        assertNull(s.token());
        assertFalse(s.offline());
    }

    @Test
    void cacheDirPrecedenceIsHubCacheThenHfHomeThenXdg() {
        assertEquals(Path.of("/x/hub-cache"), HubSettings.fromEnvironment(
                Map.of("HF_HUB_CACHE", "/x/hub-cache", "HF_HOME", "/x/home", "XDG_CACHE_HOME", "/x/xdg"), home).cacheDir());
        assertEquals(Path.of("/x/home/hub"), HubSettings.fromEnvironment(
                Map.of("HF_HOME", "/x/home", "XDG_CACHE_HOME", "/x/xdg"), home).cacheDir());
        assertEquals(Path.of("/x/xdg/huggingface/hub"), HubSettings.fromEnvironment(
                Map.of("XDG_CACHE_HOME", "/x/xdg"), home).cacheDir());
        assertEquals(Path.of("/x/legacy"), HubSettings.fromEnvironment(
                Map.of("HUGGINGFACE_HUB_CACHE", "/x/legacy"), home).cacheDir());
        assertEquals(home.resolve("models"), HubSettings.fromEnvironment(Map.of("HF_HUB_CACHE", "~/models"), home).cacheDir());
    }

    @Test
    void tokenFromEnvironmentWinsOverTheTokenFile() throws IOException {
        Path hfHome = home.resolve("hf");
        Files.createDirectories(hfHome);
        Files.writeString(hfHome.resolve("token"), "hf_from_file\n");
        assertEquals("hf_from_file", HubSettings.fromEnvironment(Map.of("HF_HOME", hfHome.toString()), home).token());
        assertEquals("hf_env", HubSettings.fromEnvironment(
                Map.of("HF_HOME", hfHome.toString(), "HF_TOKEN", " hf_env\r\n"), home).token());
        assertEquals("hf_legacy", HubSettings.fromEnvironment(
                Map.of("HF_HOME", hfHome.toString(), "HUGGING_FACE_HUB_TOKEN", "hf_legacy"), home).token());
        Path elsewhere = home.resolve("elsewhere-token");
        Files.writeString(elsewhere, "hf_path");
        assertEquals("hf_path", HubSettings.fromEnvironment(Map.of("HF_TOKEN_PATH", elsewhere.toString()), home).token());
        assertFalse(HubSettings.fromEnvironment(Map.of("HF_TOKEN", "hf_secret"), home).toString().contains("hf_secret"),
                "the token is never printed");
    }

    @Test
    void offlineFlagsAndEndpointOverride() {
        assertTrue(HubSettings.fromEnvironment(Map.of("HF_HUB_OFFLINE", "1"), home).offline());
        assertTrue(HubSettings.fromEnvironment(Map.of("TRANSFORMERS_OFFLINE", "yes"), home).offline());
        assertFalse(HubSettings.fromEnvironment(Map.of("HF_HUB_OFFLINE", "0"), home).offline());
        assertEquals(URI.create("http://mirror.example:8080"),
                HubSettings.fromEnvironment(Map.of("HF_ENDPOINT", "http://mirror.example:8080/"), home).endpoint());
    }
}
