package kcwb.training.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubDownloaderTest {
    static final String REPO = "beomi/KcELECTRA-base";
    static final String V2022 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";
    static final String MAIN = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2";
    static final int WEIGHTS_BYTES = 300_000;

    @TempDir
    Path cacheDir;
    FakeHub hub;
    FakeHub.Served weights;

    @BeforeEach
    void publishRevisions() throws IOException {
        hub = new FakeHub();
        hub.publish(REPO, "v2022", V2022, "config.json", "{\"model_type\": \"electra\"}".getBytes(StandardCharsets.UTF_8), false);
        hub.publish(REPO, "v2022", V2022, "vocab.txt", "[PAD]\n[UNK]\n안녕\n".getBytes(StandardCharsets.UTF_8), false);
        hub.publish(REPO, "v2022", V2022, "tokenizer_config.json", "{\"do_lower_case\": false}".getBytes(StandardCharsets.UTF_8), false);
        weights = hub.publish(REPO, "v2022", V2022, "pytorch_model.bin", FakeHub.randomBytes(WEIGHTS_BYTES, 1), true);
        hub.publish(REPO, "main", MAIN, "config.json", "{\"model_type\": \"electra\", \"v\": 3}".getBytes(StandardCharsets.UTF_8), false);
        hub.publish(REPO, "main", MAIN, "tokenizer.json", "{\"model\": {}}".getBytes(StandardCharsets.UTF_8), false);
        hub.publish(REPO, "main", MAIN, "special_tokens_map.json", "{}".getBytes(StandardCharsets.UTF_8), false);
        hub.publish(REPO, "main", MAIN, "model.safetensors", FakeHub.randomBytes(50_000, 2), true);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    HubSettings settings() {
        return new HubSettings(hub.endpoint(), cacheDir, null, false);
    }

    HubDownloader downloader(HubSettings settings) {
        return new HubDownloader(settings).withRetries(3, Duration.ZERO);
    }

    @Test
    void pullsV2022IntoTheHuggingFaceCacheLayout() throws IOException {
        RecordingListener listener = new RecordingListener();
        Path snapshot = downloader(settings()).pull(REPO, "v2022", listener);

        Path repoDir = cacheDir.resolve("models--beomi--KcELECTRA-base");
        assertEquals(repoDir.resolve("snapshots").resolve(V2022), snapshot);
        assertEquals(V2022, Files.readString(repoDir.resolve("refs/v2022")), "refs hold the bare commit, no newline");
        Path bin = snapshot.resolve("pytorch_model.bin");
        assertTrue(Files.isSymbolicLink(bin));
        assertEquals(Path.of("../../blobs/" + weights.sha256()), Files.readSymbolicLink(bin), "LFS blobs are named by sha256");
        assertArrayEquals(weights.content(), Files.readAllBytes(bin));
        Path config = snapshot.resolve("config.json");
        String configSha1 = new FakeHub.Served(Files.readAllBytes(config), false).gitSha1();
        assertEquals(Path.of("../../blobs/" + configSha1), Files.readSymbolicLink(config), "small files are named by their ETag");
        assertTrue(Files.isRegularFile(snapshot.resolve("vocab.txt")));
        assertTrue(Files.isRegularFile(snapshot.resolve("tokenizer_config.json")));
        assertFalse(Files.exists(snapshot.resolve("model.safetensors")), "the preferred weights file exists, the fallback is not fetched");
        assertTrue(Files.isRegularFile(repoDir.resolve(".no_exist").resolve(V2022).resolve("special_tokens_map.json")),
                "a 404 on an optional file is remembered like huggingface_hub does");
        assertTrue(listener.skipped.contains("special_tokens_map.json"));
        assertTrue(Files.isRegularFile(cacheDir.resolve("CACHEDIR.TAG")));
        assertTrue(Files.isRegularFile(cacheDir.resolve(".locks/models--beomi--KcELECTRA-base/" + weights.sha256() + ".lock")));
        try (var blobs = Files.list(repoDir.resolve("blobs"))) {
            assertTrue(blobs.noneMatch(p -> p.toString().endsWith(".incomplete")));
        }
        DownloadProgress last = listener.lastProgressOf("pytorch_model.bin");
        assertEquals(WEIGHTS_BYTES, last.bytes());
        assertEquals(WEIGHTS_BYTES, last.total());
        assertTrue(last.bytesPerSecond() > 0);
        assertEquals(Duration.ZERO, last.eta().orElseThrow());
        assertEquals(List.of("config.json", "vocab.txt", "tokenizer_config.json", "pytorch_model.bin"), listener.downloaded);
    }

    @Test
    void mainRevisionGetsTokenizerJsonAndSafetensors() throws IOException {
        Path snapshot = downloader(settings()).pull(REPO, "main", DownloadListener.NONE);
        assertEquals(MAIN, snapshot.getFileName().toString());
        for (String file : List.of("config.json", "tokenizer.json", "special_tokens_map.json", "model.safetensors")) {
            assertTrue(Files.isRegularFile(snapshot.resolve(file)), file);
        }
        assertFalse(Files.exists(snapshot.resolve("vocab.txt")));
        assertEquals(0, hub.count("HEAD", "pytorch_model.bin"), "no fallback asked for when the preferred file exists");
    }

    @Test
    void aSecondPullDownloadsNothing() throws IOException {
        downloader(settings()).pull(REPO, "v2022", DownloadListener.NONE);
        long getsBefore = hub.count("GET", "/");
        RecordingListener listener = new RecordingListener();
        downloader(settings()).pull(REPO, "v2022", listener);
        assertEquals(getsBefore, hub.count("GET", "/"));
        assertTrue(listener.downloaded.isEmpty());
        assertEquals(4, listener.fromCache.size());
    }

    @Test
    void aConnectionDroppedMidFileIsResumedWithRange() throws IOException {
        hub.dropAfterBytes = 100_000;
        hub.dropsLeft.set(1);
        RecordingListener listener = new RecordingListener();
        Path snapshot = downloader(settings()).pull(REPO, "v2022", listener);

        assertArrayEquals(weights.content(), Files.readAllBytes(snapshot.resolve("pytorch_model.bin")));
        List<FakeHub.Request> lfsGets = hub.requests.stream()
                .filter(r -> r.method().equals("GET") && r.path().startsWith("/lfs/")).toList();
        assertEquals(2, lfsGets.size());
        assertEquals(null, lfsGets.get(0).range());
        // The JDK client may lose the last chunk it had buffered when the socket drops, so the resume point is
        // whatever reached the disk: never past the drop, never from zero, and named in the warning.
        String range = lfsGets.get(1).range();
        assertTrue(range.matches("bytes=\\d+-"), range);
        long resumedAt = Long.parseLong(range.substring(6, range.length() - 1));
        assertTrue(resumedAt > 0 && resumedAt <= 100_000, range);
        assertTrue(listener.warnings.stream().anyMatch(w -> w.contains("interrupted at " + resumedAt + " bytes")), listener.warnings.toString());
    }

    @Test
    void aStalledConnectionIsCutOffAndResumed() throws IOException {
        hub.dropAfterBytes = 50_000;
        hub.dropsLeft.set(1);
        hub.stallInsteadOfDrop = true;
        HubClient impatient = new HubClient(settings(), java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build(), Duration.ofMillis(500));
        RecordingListener listener = new RecordingListener();
        long start = System.nanoTime();
        Path snapshot = new HubDownloader(settings(), impatient).withRetries(3, Duration.ZERO).pull(REPO, "v2022", listener);
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "cut off long before the server's 20 s silence ends");
        assertArrayEquals(weights.content(), Files.readAllBytes(snapshot.resolve("pytorch_model.bin")));
        String range = hub.requests.getLast().range();
        assertTrue(range.matches("bytes=\\d+-"), range);
        long resumedAt = Long.parseLong(range.substring(6, range.length() - 1));
        assertTrue(resumedAt > 0 && resumedAt <= 50_000, range + ": resumes from what reached the disk before the stall");
        assertTrue(listener.warnings.stream().anyMatch(w -> w.contains("no data for")), listener.warnings.toString());
    }

    @Test
    void anInterruptedPullLeavesAnIncompleteFileThatTheNextPullResumes() throws IOException {
        hub.dropAfterBytes = 120_000;
        hub.dropsLeft.set(1);
        HubException failure = assertThrows(HubException.class,
                () -> new HubDownloader(settings()).withRetries(1, Duration.ZERO).pull(REPO, "v2022", DownloadListener.NONE));
        assertEquals(HubException.Reason.NETWORK, failure.reason());
        Path partial = cacheDir.resolve("models--beomi--KcELECTRA-base/blobs/" + weights.sha256() + ".incomplete");
        // What reached the disk before the drop: the JDK client may lose the chunk it had buffered, never more.
        long kept = Files.size(partial);
        assertTrue(kept > 0 && kept <= 120_000, kept + " bytes kept; " + failure.getMessage());
        assertTrue(failure.getMessage().contains(kept + " bytes are kept"), failure.getMessage());
        assertTrue(failure.getMessage().contains("resumes"), failure.getMessage());

        RecordingListener listener = new RecordingListener();
        Path snapshot = downloader(settings()).pull(REPO, "v2022", listener);
        assertArrayEquals(weights.content(), Files.readAllBytes(snapshot.resolve("pytorch_model.bin")));
        assertFalse(Files.exists(partial));
        assertEquals("bytes=" + kept + "-", hub.requests.getLast().range());
        assertEquals(kept, listener.resumedFrom.get("pytorch_model.bin"));
    }

    @Test
    void aCancelledPullKeepsItsBytesAndTheNextPullResumesThem() throws IOException {
        hub.dropAfterBytes = 100_000; // the CDN sends 100 kB, then goes silent: the cancel must unblock the read
        hub.dropsLeft.set(1);
        hub.stallInsteadOfDrop = true;
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        RecordingListener canceller = new RecordingListener() {
            @Override
            public void fileStarted(String file, long totalBytes, long resumed) {
                if (file.equals("pytorch_model.bin")) {
                    new Thread(() -> {
                        sleepQuietly(300);
                        cancel.set(true);
                    }).start();
                }
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
        long start = System.nanoTime();
        HubException failure = assertThrows(HubException.class,
                () -> downloader(settings()).pull(REPO, "v2022", canceller));
        assertEquals(HubException.Reason.CANCELLED, failure.reason(), failure.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "the cancel unblocked the stalled read");
        Path partial = cacheDir.resolve("models--beomi--KcELECTRA-base/blobs/" + weights.sha256() + ".incomplete");
        long kept = Files.size(partial);
        assertTrue(kept > 0 && kept <= 100_000, "kept " + kept);
        assertTrue(failure.getMessage().contains("resumes"), failure.getMessage());

        RecordingListener listener = new RecordingListener();
        Path snapshot = downloader(settings()).pull(REPO, "v2022", listener);
        assertArrayEquals(weights.content(), Files.readAllBytes(snapshot.resolve("pytorch_model.bin")));
        assertEquals("bytes=" + kept + "-", hub.requests.getLast().range());
        assertEquals(kept, listener.resumedFrom.get("pytorch_model.bin"));
    }

    @Test
    void aPullCancelledBeforeItStartsDownloadsNothing() {
        DownloadListener cancelled = new DownloadListener() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        HubException failure = assertThrows(HubException.class,
                () -> downloader(settings()).pull(REPO, "v2022", cancelled));
        assertEquals(HubException.Reason.CANCELLED, failure.reason());
        assertEquals(0, hub.count("GET", "/"));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWrongChecksumDeletesTheFileAndCachesNothing() throws IOException {
        hub.corruptLfs = true;
        HubException failure = assertThrows(HubException.class,
                () -> downloader(settings()).pull(REPO, "v2022", DownloadListener.NONE));
        assertEquals(HubException.Reason.CHECKSUM_MISMATCH, failure.reason());
        assertTrue(failure.getMessage().contains("pytorch_model.bin") && failure.getMessage().contains(weights.sha256()),
                failure.getMessage());
        Path blobs = cacheDir.resolve("models--beomi--KcELECTRA-base/blobs");
        assertFalse(Files.exists(blobs.resolve(weights.sha256())));
        assertFalse(Files.exists(blobs.resolve(weights.sha256() + ".incomplete")));
        assertFalse(Files.exists(cacheDir.resolve("models--beomi--KcELECTRA-base/snapshots").resolve(V2022).resolve("pytorch_model.bin")));

        hub.corruptLfs = false;
        Path snapshot = downloader(settings()).pull(REPO, "v2022", DownloadListener.NONE);
        assertArrayEquals(weights.content(), Files.readAllBytes(snapshot.resolve("pytorch_model.bin")));
    }

    @Test
    void notFoundErrorsSayWhatIsMissing() {
        HubException repo = assertThrows(HubException.class,
                () -> downloader(settings()).pull("beomi/NoSuchModel", "main", DownloadListener.NONE));
        assertEquals(HubException.Reason.REPO_NOT_FOUND, repo.reason());
        assertTrue(repo.getMessage().contains("beomi/NoSuchModel"), repo.getMessage());

        HubException revision = assertThrows(HubException.class,
                () -> downloader(settings()).pull(REPO, "v2030", DownloadListener.NONE));
        assertEquals(HubException.Reason.REVISION_NOT_FOUND, revision.reason());
        assertTrue(revision.getMessage().contains("v2030"), revision.getMessage());

        hub.publish("someone/no-weights", "main", "cccccccccccccccccccccccccccccccccccccc33", "config.json", new byte[] {'{', '}'}, false);
        hub.publish("someone/no-weights", "main", "cccccccccccccccccccccccccccccccccccccc33", "tokenizer.json", new byte[] {'{', '}'}, false);
        HubException file = assertThrows(HubException.class,
                () -> downloader(settings()).pull("someone/no-weights", "main", DownloadListener.NONE));
        assertEquals(HubException.Reason.FILE_NOT_FOUND, file.reason());
        assertTrue(file.getMessage().contains("model.safetensors or pytorch_model.bin"), file.getMessage());

        HubException badRevision = assertThrows(HubException.class,
                () -> downloader(settings()).pull(REPO, "refs/pr/1", DownloadListener.NONE));
        assertEquals(HubException.Reason.REVISION_NOT_FOUND, badRevision.reason());

        HubException badId = assertThrows(HubException.class,
                () -> downloader(settings()).pull("../etc", "main", DownloadListener.NONE));
        assertEquals(HubException.Reason.REPO_NOT_FOUND, badId.reason());
    }

    @Test
    void aPrivateRepoNeedsTheRightToken() throws IOException {
        hub.requiredToken = "hf_right";
        HubException none = assertThrows(HubException.class,
                () -> downloader(settings()).pull(REPO, "v2022", DownloadListener.NONE));
        assertEquals(HubException.Reason.UNAUTHORIZED, none.reason());
        assertTrue(none.getMessage().contains("401") && none.getMessage().contains("HF_TOKEN"), none.getMessage());

        HubException wrong = assertThrows(HubException.class,
                () -> downloader(settings().withToken("hf_wrong")).pull(REPO, "v2022", DownloadListener.NONE));
        assertEquals(HubException.Reason.UNAUTHORIZED, wrong.reason());
        assertTrue(wrong.getMessage().contains("refused"), wrong.getMessage());

        Path snapshot = downloader(settings().withToken("hf_right")).pull(REPO, "v2022", DownloadListener.NONE);
        assertTrue(Files.isRegularFile(snapshot.resolve("pytorch_model.bin")));
        assertEquals(null, hub.requests.getFirst().authorization(), "no token configured, none sent");
        assertEquals("Bearer hf_right", hub.requests.stream().filter(r -> r.path().contains("/resolve/"))
                .reduce((a, b) -> b).orElseThrow().authorization());
        assertTrue(hub.requests.stream().filter(r -> r.path().startsWith("/lfs/")).allMatch(r -> r.authorization() == null),
                "the token never leaves the hub's host for the CDN");
        assertEquals(1, hub.count("GET", "/lfs/"));
    }

    @Test
    void offlineModeAnswersFromTheCacheWithoutANetworkCall() throws IOException {
        Path online = downloader(settings()).pull(REPO, "v2022", DownloadListener.NONE);
        int requestsBefore = hub.requests.size();
        hub.close();

        Path offline = downloader(settings().withOffline(true)).pull(REPO, "v2022", DownloadListener.NONE);
        assertEquals(online, offline);
        assertEquals(requestsBefore, hub.requests.size());
        assertEquals(online, new HubCache(cacheDir).resolveSnapshot(REPO, "v2022"));

        HubException notCached = assertThrows(HubException.class,
                () -> downloader(settings().withOffline(true)).pull(REPO, "main", DownloadListener.NONE));
        assertEquals(HubException.Reason.NOT_CACHED, notCached.reason());
        assertTrue(notCached.getMessage().contains("kcwb model pull"), notCached.getMessage());
    }

    @Test
    void withoutNetworkTheCacheIsUsedAndOtherwiseTheErrorSaysSo() throws IOException {
        HubException noNetwork = assertThrows(HubException.class,
                () -> downloader(settings().withEndpoint(closedPort())).pull(REPO, "v2022", DownloadListener.NONE));
        assertEquals(HubException.Reason.NETWORK, noNetwork.reason());
        assertTrue(noNetwork.getMessage().contains("cannot reach") && noNetwork.getMessage().contains("--offline"),
                noNetwork.getMessage());

        Path online = downloader(settings()).pull(REPO, "v2022", DownloadListener.NONE);
        RecordingListener listener = new RecordingListener();
        assertEquals(online, downloader(settings().withEndpoint(closedPort())).pull(REPO, "v2022", listener));
        assertTrue(listener.warnings.getFirst().contains("using the cached snapshot"), listener.warnings.toString());
    }

    @Test
    void aFullDiskIsReportedBeforeDownloading() {
        HubException full = assertThrows(HubException.class, () -> downloader(settings())
                .withSpaceProbe(dir -> 10_000).pull(REPO, "v2022", DownloadListener.NONE));
        assertEquals(HubException.Reason.DISK_FULL, full.reason());
        assertTrue(full.getMessage().contains("0.3 MB") && full.getMessage().contains("pytorch_model.bin"), full.getMessage());
        assertEquals(0, hub.count("GET", "/lfs/"));
    }

    private static java.net.URI closedPort() throws IOException {
        try (FakeHub closed = new FakeHub()) {
            return closed.endpoint();
        }
    }

    static class RecordingListener implements DownloadListener {
        final List<DownloadProgress> progress = new ArrayList<>();
        final List<String> downloaded = new ArrayList<>();
        final List<String> fromCache = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final java.util.Map<String, Long> resumedFrom = new java.util.HashMap<>();

        @Override
        public void fileStarted(String file, long totalBytes, long resumed) {
            resumedFrom.put(file, resumed);
        }

        @Override
        public void progress(DownloadProgress p) {
            progress.add(p);
        }

        @Override
        public void fileReady(String file, Path path, boolean wasDownloaded) {
            (wasDownloaded ? downloaded : fromCache).add(file);
        }

        @Override
        public void fileSkipped(String file, String reason) {
            skipped.add(file);
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }

        DownloadProgress lastProgressOf(String file) {
            return progress.stream().filter(p -> p.file().equals(file)).reduce((a, b) -> b).orElseThrow();
        }
    }
}
