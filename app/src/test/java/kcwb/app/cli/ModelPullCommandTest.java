package kcwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kcwb model pull} in-process against a minimal local hub (the full fake hub is in training's tests). */
class ModelPullCommandTest {
    static final String COMMIT = "abcdefabcdefabcdefabcdefabcdefabcdefabcd";
    static final Map<String, String> FILES = Map.of(
            "config.json", "{\"model_type\": \"electra\"}",
            "tokenizer.json", "{\"model\": {}}",
            "model.safetensors", "x".repeat(5000));

    @TempDir
    Path cache;
    HttpServer server;
    String endpoint;

    @BeforeEach
    void startHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String prefix = path.startsWith("/beomi/KcELECTRA-base/resolve/" + COMMIT + "/")
                        ? "/beomi/KcELECTRA-base/resolve/" + COMMIT + "/" : "/beomi/KcELECTRA-base/resolve/main/";
                if (!path.startsWith(prefix)) {
                    exchange.getResponseHeaders().set("X-Error-Code", "RepoNotFound");
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("X-Repo-Commit", COMMIT);
                String content = FILES.get(path.substring(prefix.length()));
                if (content == null) {
                    exchange.getResponseHeaders().set("X-Error-Code", "EntryNotFound");
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("ETag", "\"" + sha256(bytes) + "\"");
                if (exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().set("Content-Length", String.valueOf(bytes.length));
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
            }
        });
        server.start();
        endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopHub() {
        server.stop(0);
    }

    record Run(int exitCode, String out, String err) {}

    Run run(Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new ModelPullCommand(env));
        cli.setExecutionExceptionHandler(new CliExceptionHandler());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void pullPrintsTheSnapshotFolderAndOfflineFindsItAgain() {
        Map<String, String> env = Map.of("HF_ENDPOINT", endpoint, "HF_HUB_CACHE", cache.toString());
        Run online = run(env, "beomi/KcELECTRA-base", "--revision", "main");
        assertEquals(0, online.exitCode(), online.err());
        Path snapshot = cache.resolve("models--beomi--KcELECTRA-base/snapshots/" + COMMIT);
        assertEquals(snapshot.toString(), online.out().strip());
        assertTrue(Files.isRegularFile(snapshot.resolve("model.safetensors")));
        assertTrue(online.err().contains("model.safetensors: done"), online.err());
        assertTrue(online.err().contains("special_tokens_map.json: skipped"), online.err());

        server.stop(0);
        Run offline = run(Map.of("HF_ENDPOINT", endpoint), "beomi/KcELECTRA-base", "--revision", "main",
                "--offline", "--cache-dir", cache.toString());
        assertEquals(0, offline.exitCode(), offline.err());
        assertEquals(snapshot.toString(), offline.out().strip());
    }

    @Test
    void errorsNameTheRepoAndExitNonZero() {
        Map<String, String> env = Map.of("HF_ENDPOINT", endpoint, "HF_HUB_CACHE", cache.toString());
        Run missing = run(env, "beomi/NoSuchModel", "--revision", "main");
        assertEquals(CliExceptionHandler.EXIT_BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("kcwb: beomi/NoSuchModel main: repository 'beomi/NoSuchModel' not found"), missing.err());

        Run notCached = run(env, "beomi/KcELECTRA-base", "--revision", "v2021", "--offline");
        assertEquals(CliExceptionHandler.EXIT_BAD_INPUT, notCached.exitCode());
        assertTrue(notCached.err().contains("not in the cache"), notCached.err());

        server.stop(0);
        Run noNetwork = run(env, "beomi/KcELECTRA-base", "--revision", "main");
        assertEquals(ModelPullCommand.EXIT_NO_NETWORK, noNetwork.exitCode());
        assertTrue(noNetwork.err().contains("cannot reach"), noNetwork.err());
        assertEquals("", noNetwork.out());
    }

    @Test
    void progressLineShowsPercentSpeedAndEta() {
        String line = PullProgressPrinter.format(new kcwb.training.hub.DownloadProgress("model.safetensors", 50_000_000, 200_000_000, 10e6));
        assertEquals("    model.safetensors   25% 50.0/200.0 MB  10.0 MB/s  ETA 0:15", line);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
