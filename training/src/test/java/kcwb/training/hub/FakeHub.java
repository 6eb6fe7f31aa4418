package kcwb.training.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for huggingface.co on 127.0.0.1: {@code /{repo}/resolve/{revision}/{file}} answers
 * like the hub (X-Repo-Commit, ETag = git blob sha1 for small files; for LFS files a 302 to a
 * {@link FakeCdn} on another port with X-Linked-Etag and X-Linked-Size), serves Range requests with 206,
 * and can misbehave on demand: drop the connection mid-file, serve corrupt LFS bytes, demand a token.
 */
final class FakeHub implements AutoCloseable {
    record Served(byte[] content, boolean lfs) {
        String sha256() {
            return hex("SHA-256", content, null);
        }

        String gitSha1() {
            return hex("SHA-1", content, ("blob " + content.length + "\0").getBytes());
        }
    }

    /** One request as the server saw it. */
    record Request(String method, String path, String range, String authorization) {}

    private static final Pattern RESOLVE = Pattern.compile("^/([^/]+/[^/]+)/resolve/([^/]+)/(.+)$");

    private final HttpServer server;
    private final Map<String, Map<String, String>> refs = new ConcurrentHashMap<>(); // repo -> revision -> commit
    private final Map<String, Served> files = new ConcurrentHashMap<>(); // repo@commit/file -> content
    private final Map<String, Served> lfsBlobs = new ConcurrentHashMap<>(); // sha256 -> content
    final List<Request> requests = new CopyOnWriteArrayList<>();

    /** Close the connection after this many body bytes of an LFS GET, this many times. */
    volatile int dropAfterBytes = -1;
    final AtomicInteger dropsLeft = new AtomicInteger();
    /** With a drop planned: keep the connection open and silent instead of closing it. */
    volatile boolean stallInsteadOfDrop;
    /** Serve LFS bodies with one byte flipped (the announced sha256 stays the real one). */
    volatile boolean corruptLfs;
    /** When set, every resolve request needs {@code Authorization: Bearer <token>}. */
    volatile String requiredToken;

    private final FakeCdn cdn;

    FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        cdn = new FakeCdn(this, this::planLfs);
    }

    /** The CDN's answer for a blob: its bytes (corrupted on demand) and where to drop the connection. */
    private FakeCdn.Plan planLfs(String sha) {
        Served served = lfsBlobs.get(sha);
        if (served == null) {
            return null;
        }
        byte[] content = served.content().clone();
        if (corruptLfs) {
            content[content.length / 2] ^= 0x5a;
        }
        boolean drop = dropAfterBytes >= 0 && dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        return new FakeCdn.Plan(content, drop ? dropAfterBytes : -1, stallInsteadOfDrop);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Publishes a file at a commit and points the revision (a branch or tag) at that commit. */
    Served publish(String repo, String revision, String commit, String file, byte[] content, boolean lfs) {
        refs.computeIfAbsent(repo, r -> new ConcurrentHashMap<>()).put(revision, commit);
        refs.get(repo).put(commit, commit);
        Served served = new Served(content, lfs);
        files.put(repo + "@" + commit + "/" + file, served);
        if (lfs) {
            lfsBlobs.put(served.sha256(), served);
        }
        return served;
    }

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    long count(String method, String pathPart) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().contains(pathPart)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Request(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Range"), exchange.getRequestHeaders().getFirst("Authorization")));
            Matcher m = RESOLVE.matcher(path);
            if (!m.matches()) {
                error(exchange, 404, null, null);
                return;
            }
            resolve(exchange, m.group(1), m.group(2), m.group(3));
        }
    }

    private void resolve(HttpExchange exchange, String repo, String revision, String file) throws IOException {
        String token = requiredToken;
        if (token != null) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null) {
                error(exchange, 401, "RepoNotFound", "Invalid username or password.");
                return;
            }
            if (!auth.equals("Bearer " + token)) {
                error(exchange, 401, null, "Invalid credentials in Authorization header");
                return;
            }
        }
        Map<String, String> repoRefs = refs.get(repo);
        if (repoRefs == null) {
            error(exchange, 404, "RepoNotFound", "Repository not found");
            return;
        }
        String commit = repoRefs.get(revision);
        if (commit == null) {
            error(exchange, 404, "RevisionNotFound", "Invalid rev id: " + revision);
            return;
        }
        exchange.getResponseHeaders().set("X-Repo-Commit", commit);
        Served served = files.get(repo + "@" + commit + "/" + file);
        if (served == null) {
            error(exchange, 404, "EntryNotFound", file + " does not exist on \"" + revision + "\"");
            return;
        }
        if (served.lfs()) {
            exchange.getResponseHeaders().set("X-Linked-Etag", "\"" + served.sha256() + "\"");
            exchange.getResponseHeaders().set("X-Linked-Size", String.valueOf(served.content().length));
            exchange.getResponseHeaders().set("ETag", "\"" + served.gitSha1() + "\""); // the LFS pointer's own sha
            exchange.getResponseHeaders().set("Location", cdn.baseUrl() + "/lfs/" + served.sha256() + "?sig=x");
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        exchange.getResponseHeaders().set("ETag", "\"" + served.gitSha1() + "\"");
        sendBody(exchange, served.content());
    }

    private void sendBody(HttpExchange exchange, byte[] content) throws IOException {
        int start = 0;
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
            start = Integer.parseInt(range.substring(6, range.length() - 1));
            if (start >= content.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
        }
        int status = start > 0 ? 206 : 200;
        if (status == 206) {
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
        }
        int length = content.length - start;
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length);
        OutputStream body = exchange.getResponseBody();
        body.write(content, start, length);
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        if (code != null) {
            exchange.getResponseHeaders().set("X-Error-Code", code);
        }
        if (message != null) {
            exchange.getResponseHeaders().set("X-Error-Message", message);
        }
        exchange.sendResponseHeaders(status, -1);
    }

    private static String hex(String algorithm, byte[] content, byte[] prefix) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            if (prefix != null) {
                digest.update(prefix);
            }
            return HexFormat.of().formatHex(digest.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            cdn.close();
        } catch (IOException ignored) {
            // test cleanup
        }
    }
}
