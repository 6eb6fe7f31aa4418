package kcwb.training.hub;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the hub is, where its cache lives, which token to send and whether to go online at all,
 * read from the same environment variables as Python's huggingface_hub so both share one cache:
 * HF_ENDPOINT, HF_HUB_CACHE (or HUGGINGFACE_HUB_CACHE), HF_HOME, XDG_CACHE_HOME, HF_TOKEN (or
 * HUGGING_FACE_HUB_TOKEN), HF_TOKEN_PATH, HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE).
 *
 * @param endpoint the hub's base URL, without a trailing slash
 * @param cacheDir the hub cache root (the folder that holds {@code models--owner--name})
 * @param token a bearer token, or null to send none
 * @param offline resolve from the cache only, never touch the network
 */
public record HubSettings(URI endpoint, Path cacheDir, String token, boolean offline) {
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final Set<String> TRUE_VALUES = Set.of("1", "ON", "YES", "TRUE");

    public HubSettings {
        String text = endpoint.toString();
        if (text.endsWith("/")) {
            endpoint = URI.create(text.substring(0, text.length() - 1));
        }
        cacheDir = cacheDir.toAbsolutePath().normalize();
        if (token != null && token.isBlank()) {
            token = null;
        }
    }

    /** Settings from the process environment and the user's home folder. */
    public static HubSettings fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Settings from the given environment, resolved the way huggingface_hub's constants.py does. */
    public static HubSettings fromEnvironment(Map<String, String> env, Path home) {
        URI endpoint = URI.create(nonBlank(env.get("HF_ENDPOINT"), DEFAULT_ENDPOINT));
        Path hfHome = expandHome(nonBlank(env.get("HF_HOME"),
                expandHome(nonBlank(env.get("XDG_CACHE_HOME"), home.resolve(".cache").toString()), home)
                        .resolve("huggingface").toString()), home);
        String legacyCache = nonBlank(env.get("HUGGINGFACE_HUB_CACHE"), hfHome.resolve("hub").toString());
        Path cacheDir = expandHome(nonBlank(env.get("HF_HUB_CACHE"), legacyCache), home);
        Path tokenPath = expandHome(nonBlank(env.get("HF_TOKEN_PATH"), hfHome.resolve("token").toString()), home);
        String token = cleanToken(nonBlank(env.get("HF_TOKEN"), env.get("HUGGING_FACE_HUB_TOKEN")));
        if (token == null) {
            token = readTokenFile(tokenPath);
        }
        boolean offline = isTrue(env.get("HF_HUB_OFFLINE")) || isTrue(env.get("TRANSFORMERS_OFFLINE"));
        return new HubSettings(endpoint, cacheDir, token, offline);
    }

    public HubSettings withCacheDir(Path dir) {
        return new HubSettings(endpoint, dir, token, offline);
    }

    public HubSettings withOffline(boolean value) {
        return new HubSettings(endpoint, cacheDir, token, value);
    }

    public HubSettings withEndpoint(URI value) {
        return new HubSettings(value, cacheDir, token, offline);
    }

    public HubSettings withToken(String value) {
        return new HubSettings(endpoint, cacheDir, value, offline);
    }

    public boolean hasToken() {
        return token != null;
    }

    /** Never print the token itself. */
    @Override
    public String toString() {
        return "HubSettings[endpoint=" + endpoint + ", cacheDir=" + cacheDir
                + ", token=" + (hasToken() ? "set" : "none") + ", offline=" + offline + "]";
    }

    private static String readTokenFile(Path tokenPath) {
        try {
            return Files.isRegularFile(tokenPath)
                    ? cleanToken(Files.readString(tokenPath, StandardCharsets.UTF_8)) : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static String cleanToken(String token) {
        if (token == null) {
            return null;
        }
        String cleaned = token.replace("\r", "").replace("\n", "").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static boolean isTrue(String value) {
        return value != null && TRUE_VALUES.contains(value.toUpperCase(Locale.ROOT));
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path expandHome(String path, Path home) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }
}
