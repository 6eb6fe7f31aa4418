package kcwb.training.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The two HTTP calls a pull makes, as huggingface_hub makes them: a HEAD on
 * {@code {endpoint}/{repo}/resolve/{revision}/{file}} for the file's metadata (redirects followed by hand
 * so the first response's X-Repo-Commit / X-Linked-Etag / X-Linked-Size are kept, and stopped at a
 * redirect to another host, which is the LFS/CDN location), then a GET of the bytes, resumed with
 * {@code Range: bytes=N-} when part of the file is already on disk.
 */
public final class HubClient {
    private static final int MAX_REDIRECTS = 10;
    private static final int BUFFER_BYTES = 1 << 20;
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(20);
    /** HttpClient has no read timeout for a streamed body: this daemon closes streams that stall. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kcwb-hub-stall-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final HubSettings settings;
    private final HttpClient http;
    private final String userAgent;
    private final Duration stallTimeout;

    public HubClient(HubSettings settings) {
        this(settings, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build(), Duration.ofSeconds(30));
    }

    /**
     * @param stallTimeout a download that receives no byte for this long is cut off (and then
     *     resumed by the caller's retry)
     */
    public HubClient(HubSettings settings, HttpClient http, Duration stallTimeout) {
        this.settings = settings;
        this.http = http;
        this.stallTimeout = stallTimeout;
        this.userAgent = "kcwb/" + Objects.requireNonNullElse(HubClient.class.getPackage().getImplementationVersion(), "dev")
                + "; java/" + Runtime.version().feature();
    }

    public HubSettings settings() {
        return settings;
    }

    /** {@code {endpoint}/{repo}/resolve/{revision}/{file}}, revision and file URL-encoded like hf_hub_url. */
    public URI resolveUrl(String repo, String revision, String file) {
        String encodedFile = Arrays.stream(file.split("/")).map(HubClient::encode).collect(Collectors.joining("/"));
        return URI.create(settings.endpoint() + "/" + repo + "/resolve/" + encode(revision) + "/" + encodedFile);
    }

    /** HEAD the file and collect what the hub says about it. */
    public RemoteFile fetchMetadata(String repo, String revision, String file) throws HubException {
        URI url = resolveUrl(repo, revision, file);
        String commit = null;
        String linkedEtag = null;
        String linkedSize = null;
        String firstEtag = null;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<Void> response = send(request(url, "HEAD").timeout(METADATA_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding(), url);
            HttpHeaders headers = response.headers();
            commit = firstNonNull(commit, headers.firstValue("X-Repo-Commit").orElse(null));
            linkedEtag = firstNonNull(linkedEtag, headers.firstValue("X-Linked-Etag").orElse(null));
            linkedSize = firstNonNull(linkedSize, headers.firstValue("X-Linked-Size").orElse(null));
            firstEtag = firstNonNull(firstEtag, headers.firstValue("ETag").orElse(null));
            int status = response.statusCode();
            boolean redirect = status / 100 == 3 && headers.firstValue("Location").isPresent();
            if (!redirect && status / 100 != 2) {
                throw HubErrors.forResponse(response, repo, revision, file, settings.hasToken());
            }
            URI target = redirect ? url.resolve(headers.firstValue("Location").orElseThrow()) : url;
            boolean finalHop = !redirect || !sameHost(url, target);
            if (finalHop) {
                if (commit == null) {
                    throw new HubException(HubException.Reason.PROTOCOL, "the answer from " + url
                            + " has no X-Repo-Commit header, so it does not come from a Hugging Face hub;"
                            + " check HF_ENDPOINT (" + settings.endpoint() + ") and any proxy or firewall");
                }
                String etag = RemoteFile.normalizeEtag(linkedEtag != null ? linkedEtag
                        : headers.firstValue("ETag").orElse(firstEtag));
                if (etag == null || etag.isEmpty()) {
                    throw new HubException(HubException.Reason.PROTOCOL, "the hub sent no ETag for " + url
                            + ", so the download cannot be checked or cached");
                }
                String sizeText = linkedSize != null ? linkedSize
                        : redirect ? null : headers.firstValue("Content-Length").orElse(null);
                return new RemoteFile(file, commit, etag, parseSize(sizeText), target, isHubHost(target));
            }
            url = target;
        }
        throw new HubException(HubException.Reason.PROTOCOL, "more than " + MAX_REDIRECTS + " redirects for " + url);
    }

    /**
     * Appends the rest of the file to {@code partial} (resuming from its current size with a Range
     * request) and reports progress. A dropped connection surfaces as a plain {@link IOException} that
     * the caller may retry; the bytes already written stay in {@code partial}.
     *
     * @throws HubException for answers that a retry will not fix (401, 404, disk full)
     */
    public void download(RemoteFile remote, Path partial, DownloadListener listener) throws IOException {
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        if (remote.sizeKnown() && have > remote.size()) {
            Files.delete(partial);
            have = 0;
        }
        if (remote.sizeKnown() && have == remote.size()) {
            return;
        }
        HttpRequest.Builder request = request(remote.downloadUri(), "GET");
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = send(request.build(), HttpResponse.BodyHandlers.ofInputStream(),
                remote.downloadUri());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 416) {
                Files.deleteIfExists(partial);
                throw new IOException("the server refused to resume " + remote.name() + " at byte " + have
                        + "; starting over");
            }
            if (status / 100 == 5 || status == 408 || status == 429) {
                throw new IOException("the hub answered HTTP " + status + " for " + remote.name());
            }
            if (status != 200 && status != 206) {
                throw HubErrors.forResponse(response, null, null, remote.name(), settings.hasToken());
            }
            boolean append = status == 206 && rangeStart(response.headers()) == have;
            if (!append) {
                have = 0; // the server sent the whole file (or an unexpected range): start over
            }
            listener.fileStarted(remote.name(), remote.size(), have);
            copy(body, partial, append, have, remote, listener);
        }
    }

    private void copy(InputStream body, Path partial, boolean append, long have, RemoteFile remote,
            DownloadListener listener) throws IOException {
        long startNanos = System.nanoTime();
        long lastReport = startNanos;
        long written = have;
        byte[] buffer = new byte[BUFFER_BYTES];
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        AtomicLong lastByteNanos = new AtomicLong(startNanos);
        AtomicBoolean stalled = new AtomicBoolean();
        long checkMillis = Math.max(50, Math.min(250, stallTimeout.toMillis() / 4)); // also how fast a cancel lands
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.scheduleWithFixedDelay(() -> {
            if (listener.isCancelled() && !cancelled.getAndSet(true)) {
                closeQuietly(body); // a read blocked on a slow network returns at once
            }
            if (System.nanoTime() - lastByteNanos.get() > stallTimeout.toNanos() && !stalled.getAndSet(true)) {
                try {
                    body.close(); // unblocks the read below with an IOException
                } catch (IOException ignored) {
                    // closing is all we wanted
                }
            }
        }, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                lastByteNanos.set(System.nanoTime());
                writeFully(out, buffer, n, partial);
                written += n;
                long now = System.nanoTime();
                if (now - lastReport >= DownloadListener.PROGRESS_INTERVAL_MS * 1_000_000L) {
                    lastReport = now;
                    listener.progress(progressOf(remote, written, have, startNanos, now));
                }
                if (listener.isCancelled()) {
                    throw cancelled(remote, written, partial);
                }
            }
        } catch (HubException e) {
            throw e;
        } catch (IOException e) {
            if (cancelled.get() || listener.isCancelled()) {
                throw cancelled(remote, written, partial);
            }
            if (stalled.get()) {
                throw new IOException("no data for " + stallTimeout.toSeconds() + " s after " + written + " bytes", e);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
        }
        listener.progress(progressOf(remote, written, have, startNanos, System.nanoTime()));
        if (remote.sizeKnown() && written != remote.size()) {
            throw new IOException("the connection closed after " + written + " of " + remote.size()
                    + " bytes of " + remote.name());
        }
    }

    /** The partial file stays: the next pull resumes it with a Range request. */
    static HubException cancelled(RemoteFile remote, long written, Path partial) {
        return new HubException(HubException.Reason.CANCELLED, "download of " + remote.name() + " cancelled after "
                + written + " bytes; they are kept in " + partial + " and the next pull resumes from there");
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    private static void writeFully(FileChannel out, byte[] buffer, int length, Path partial) throws HubException {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            HubException.Reason reason = message.contains("No space left") || message.contains("ENOSPC")
                    || message.contains("Disk quota") ? HubException.Reason.DISK_FULL : HubException.Reason.PROTOCOL;
            throw new HubException(reason, "cannot write " + partial + ": " + message
                    + (reason == HubException.Reason.DISK_FULL
                            ? " (disk full: free space, or choose another folder with --cache-dir / HF_HUB_CACHE;"
                                    + " the partial file is kept and the next pull resumes it)"
                            : ""), e);
        }
    }

    private static DownloadProgress progressOf(RemoteFile remote, long written, long resumedFrom, long start, long now) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        return new DownloadProgress(remote.name(), written, remote.size(), (written - resumedFrom) / seconds);
    }

    private HttpRequest.Builder request(URI url, String method) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "identity");
        // The token goes to the hub only, never to the CDN a large file redirects to.
        if (settings.hasToken() && isHubHost(url)) {
            builder.header("Authorization", "Bearer " + settings.token());
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, URI url)
            throws HubException {
        try {
            return http.send(request, handler);
        } catch (ConnectException | HttpConnectTimeoutException | UnknownHostException | UnresolvedAddressException e) {
            throw noNetwork(url, e);
        } catch (HttpTimeoutException e) {
            throw new HubException(HubException.Reason.NETWORK, "the hub did not answer in time: " + url
                    + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof ConnectException) {
                throw noNetwork(url, e);
            }
            throw new HubException(HubException.Reason.NETWORK, "network error talking to " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(HubException.Reason.NETWORK, "interrupted while talking to " + url, e);
        }
    }

    private static HubException noNetwork(URI url, Exception e) {
        return new HubException(HubException.Reason.NETWORK, "cannot reach " + url.getScheme() + "://"
                + url.getAuthority() + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check the network or proxy,"
                + " or use --offline (HF_HUB_OFFLINE=1) to use what is already cached", e);
    }

    private boolean isHubHost(URI url) {
        return sameHost(settings.endpoint(), url);
    }

    private static boolean sameHost(URI a, URI b) {
        return Objects.equals(lower(a.getHost()), lower(b.getHost())) && a.getPort() == b.getPort();
    }

    private static String lower(String host) {
        return host == null ? null : host.toLowerCase(Locale.ROOT);
    }

    private static long rangeStart(HttpHeaders headers) {
        // Content-Range: bytes 100-199/200
        String range = headers.firstValue("Content-Range").orElse("");
        if (!range.startsWith("bytes ") || !range.contains("-")) {
            return -1;
        }
        try {
            return Long.parseLong(range.substring(6, range.indexOf('-')).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseSize(String text) {
        if (text == null) {
            return -1;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String firstNonNull(String current, String candidate) {
        return current != null ? current : candidate;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
