package kcwb.training.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The LFS/CDN host large files redirect to, on its own port (so, like the real CDN, a different
 * host from the hub's, which must never see the token). Written on a raw socket so it can really
 * drop a connection mid-file, which the JDK's HttpServer cannot do.
 */
final class FakeCdn implements AutoCloseable {
    /** What to do with one GET: the bytes to serve and how many to send before dropping (-1 = all). */
    record Plan(byte[] content, int dropAfter, boolean stall) {
        Plan(byte[] content, int dropAfter) {
            this(content, dropAfter, false);
        }
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final Function<String, Plan> planner;
    private final FakeHub hub;

    FakeCdn(FakeHub hub, Function<String, Plan> planner) throws IOException {
        this.hub = hub;
        this.planner = planner;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    String baseUrl() {
        // "localhost", not 127.0.0.1: another host name, as the real CDN is, so huggingface_hub stops at the redirect too.
        return "http://localhost:" + socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            String[] parts = requestLine.split(" ");
            String method = parts[0];
            String path = parts[1].split("\\?")[0];
            String range = headers.get("range");
            hub.requests.add(new FakeHub.Request(method, path, range, headers.get("authorization")));
            Plan plan = path.startsWith("/lfs/") ? planner.apply(path.substring(5)) : null;
            OutputStream out = client.getOutputStream();
            if (plan == null) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            byte[] content = plan.content();
            int start = range != null && range.startsWith("bytes=") ? Integer.parseInt(range.substring(6, range.length() - 1)) : 0;
            int length = content.length - start;
            StringBuilder head = new StringBuilder(start > 0 ? "HTTP/1.1 206 Partial Content\r\n" : "HTTP/1.1 200 OK\r\n");
            if (start > 0) {
                head.append("Content-Range: bytes ").append(start).append('-').append(content.length - 1).append('/').append(content.length).append("\r\n");
            }
            head.append("Content-Length: ").append(length).append("\r\nConnection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (method.equals("HEAD")) {
                return;
            }
            int send = plan.dropAfter() >= 0 && plan.dropAfter() < length ? plan.dropAfter() : length;
            out.write(content, start, send);
            out.flush();
            if (plan.stall() && send < length) {
                Thread.sleep(20_000); // keep the connection open but silent: only a client-side stall timeout helps
            }
            // Returning closes the socket: with send < length the client sees the connection drop mid-file.
        } catch (IOException | RuntimeException | InterruptedException ignored) {
            // a test server: a client that went away is not an error
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
