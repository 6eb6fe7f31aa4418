package kcwb.app.gui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.training.hub.DownloadProgress;
import kcwb.training.hub.HubException;
import kcwb.training.hub.HubSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetModelViewModelTest {
    private static final I18n EN = I18n.of(Locale.ENGLISH);

    @TempDir
    Path cache;

    private final List<Path> pulled = new ArrayList<>();
    private final List<HubSettings> used = new ArrayList<>();

    private HubSettings settings() {
        return new HubSettings(URI.create("http://127.0.0.1:9"), cache, null, false);
    }

    private GetModelViewModel viewModel(ModelPuller puller) {
        return new GetModelViewModel(EN, new DirectTaskRunner(), this::settings, (s, repo, rev, listener) -> {
            used.add(s);
            return puller.pull(s, repo, rev, listener);
        }, Runnable::run, pulled::add);
    }

    @Test
    void aPullShowsPerFileAndTotalProgressSpeedAndEtaThenTheSnapshot() {
        Path snapshot = cache.resolve("models--beomi--KcELECTRA-base/snapshots/abc");
        List<Double> totals = new ArrayList<>();
        GetModelViewModel[] holder = new GetModelViewModel[1];
        GetModelViewModel viewModel = viewModel((s, repo, rev, listener) -> {
            for (String small : List.of("config.json", "vocab.txt", "tokenizer_config.json")) {
                listener.fileReady(small, snapshot.resolve(small), true);
            }
            listener.fileSkipped("special_tokens_map.json", "not in the revision");
            listener.fileStarted("pytorch_model.bin", 400_000_000, 0);
            listener.progress(new DownloadProgress("pytorch_model.bin", 100_000_000, 400_000_000, 10_000_000));
            totals.add(holder[0].totalProgressProperty().get());
            assertEquals(0.25, holder[0].fileProgressProperty().get(), 1e-9);
            assertEquals("pytorch_model.bin", holder[0].currentFileProperty().get());
            assertEquals("100.0 MB of 400.0 MB at 10.0 MB/s, 0:30 left", holder[0].speedProperty().get());
            assertTrue(holder[0].runningProperty().get());
            listener.fileReady("pytorch_model.bin", snapshot.resolve("pytorch_model.bin"), true);
            return snapshot;
        });
        holder[0] = viewModel;
        viewModel.revisionProperty().set("v2021");
        viewModel.pull();

        assertEquals(4.25 / 5, totals.getFirst(), 1e-9);
        assertEquals(GetModelViewModel.State.DONE, viewModel.state());
        assertEquals(1.0, viewModel.totalProgressProperty().get());
        assertEquals(snapshot, viewModel.result());
        assertEquals(List.of(snapshot), pulled);
        assertEquals("Ready: beomi/KcELECTRA-base v2021 is in " + snapshot, viewModel.messageProperty().get());
        assertTrue(viewModel.log().contains("pytorch_model.bin: downloading 400.0 MB"), viewModel.log().toString());
        assertTrue(viewModel.log().contains("special_tokens_map.json: not in this revision (optional or a fallback)"));
        assertFalse(viewModel.runningProperty().get());
    }

    @Test
    void cancelStopsThePullAndSaysTheBytesAreKept() {
        GetModelViewModel[] holder = new GetModelViewModel[1];
        GetModelViewModel viewModel = viewModel((s, repo, rev, listener) -> {
            listener.fileStarted("pytorch_model.bin", 1000, 0);
            assertFalse(listener.isCancelled());
            holder[0].cancel(); // the user clicks Cancel while the file downloads
            assertTrue(listener.isCancelled());
            throw new HubException(HubException.Reason.CANCELLED, "download of pytorch_model.bin cancelled after 10 bytes;"
                    + " they are kept in X.incomplete and the next pull resumes from there");
        });
        holder[0] = viewModel;
        viewModel.pull();
        assertEquals(GetModelViewModel.State.CANCELLED, viewModel.state());
        assertEquals(EN.get("models.pull.cancelled"), viewModel.messageProperty().get());
        assertTrue(viewModel.errorDetailProperty().get().contains("resumes"));

        viewModel.pull(); // a new pull starts uncancelled
        assertEquals(GetModelViewModel.State.CANCELLED, viewModel.state(), "the fake cancels again, but only after asking");
    }

    @Test
    void theTypedTokenAndOfflineModeReachTheDownloaderAndTheTokenIsNeverInTheSettingsText() {
        GetModelViewModel viewModel = viewModel((s, repo, rev, listener) -> cache);
        viewModel.tokenProperty().set("  hf_secret  ");
        viewModel.offlineProperty().set(true);
        viewModel.pull();
        assertEquals("hf_secret", used.getFirst().token());
        assertTrue(used.getFirst().offline());
        assertFalse(used.getFirst().toString().contains("hf_secret"));
        assertEquals(EN.get("models.pull.tokenNone"), viewModel.tokenSource());
    }

    @Test
    void anEmptyRepositoryIsRefusedBeforeAnyDownload() {
        GetModelViewModel viewModel = viewModel((s, repo, rev, listener) -> {
            throw new AssertionError("must not be called");
        });
        viewModel.repoProperty().set("  ");
        viewModel.pull();
        assertEquals(GetModelViewModel.State.FAILED, viewModel.state());
        assertEquals(EN.get("models.pull.error.missing"), viewModel.messageProperty().get());
    }

    @Test
    void noNetworkIsAClearHeadlineWithTheHubsDetailNotAStackTrace() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        GetModelViewModel viewModel = new GetModelViewModel(EN, new DirectTaskRunner(),
                () -> new HubSettings(URI.create("http://127.0.0.1:" + closedPort), cache, null, false),
                ModelPuller.hub(), Runnable::run, pulled::add);
        viewModel.pull();
        assertEquals(GetModelViewModel.State.FAILED, viewModel.state());
        assertEquals(EN.get("models.pull.error.network"), viewModel.messageProperty().get());
        String detail = viewModel.errorDetailProperty().get();
        assertTrue(detail.contains("cannot reach http://127.0.0.1:" + closedPort), detail);
        assertFalse(detail.contains("\tat "), detail);
        assertNull(viewModel.result());
        assertTrue(pulled.isEmpty());
    }

    @Test
    void offlineWithAnEmptyCacheSaysItIsNotCached() {
        GetModelViewModel viewModel = new GetModelViewModel(EN, new DirectTaskRunner(), this::settings,
                ModelPuller.hub(), Runnable::run, pulled::add);
        viewModel.offlineProperty().set(true);
        viewModel.pull();
        assertEquals(EN.get("models.pull.error.not_cached"), viewModel.messageProperty().get());
        assertTrue(viewModel.errorDetailProperty().get().contains("kcwb model pull beomi/KcELECTRA-base --revision v2022"));
    }

    @Test
    void aRepositoryTheHubDoesNotKnowIsNamedAsSuch() throws IOException {
        HttpServer hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("X-Error-Code", "RepoNotFound");
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        hub.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
            GetModelViewModel viewModel = new GetModelViewModel(EN, new DirectTaskRunner(),
                    () -> new HubSettings(endpoint, cache, null, false), ModelPuller.hub(), Runnable::run, pulled::add);
            viewModel.repoProperty().set("nobody/no-such-model");
            viewModel.pull();
            assertEquals(EN.get("models.pull.error.repo_not_found"), viewModel.messageProperty().get());
            assertTrue(viewModel.errorDetailProperty().get().contains("'nobody/no-such-model' not found"),
                    viewModel.errorDetailProperty().get());
        } finally {
            hub.stop(0);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = HubException.Reason.class, names = {"DISK_FULL", "CHECKSUM_MISMATCH",
            "UNAUTHORIZED", "REVISION_NOT_FOUND", "FILE_NOT_FOUND"})
    void eachFailureShowsItsHeadlineAndTheHubsDetail(HubException.Reason reason) {
        GetModelViewModel viewModel = viewModel((s, repo, rev, listener) -> {
            throw new HubException(reason, "detail for " + reason);
        });
        viewModel.pull();
        assertEquals(GetModelViewModel.State.FAILED, viewModel.state());
        assertEquals(EN.get("models.pull.error." + reason.name().toLowerCase(Locale.ROOT)), viewModel.messageProperty().get());
        assertEquals("detail for " + reason, viewModel.errorDetailProperty().get());
        assertFalse(viewModel.runningProperty().get());
    }

    @Test
    void everyHubErrorReasonHasATranslatedHeadline() {
        for (HubException.Reason reason : HubException.Reason.values()) {
            String key = "models.pull.error." + reason.name().toLowerCase(Locale.ROOT);
            assertFalse(EN.get(key).startsWith("!"), key);
            assertFalse(I18n.of(Locale.KOREAN).get(key).startsWith("!"), key);
        }
    }

}
