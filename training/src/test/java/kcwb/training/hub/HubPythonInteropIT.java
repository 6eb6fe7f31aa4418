package kcwb.training.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One cache, two programs: the real huggingface_hub (from the local venv) and HubDownloader pull
 * from the same fake hub into the same cache, and each finds what the other downloaded without
 * fetching the bytes again. Skipped with a reason when no Python with huggingface_hub is found
 * (set -Dkcwb.python=/path/to/python, default: ../venv/bin/python beside ../shared).
 */
class HubPythonInteropIT {
    static final String REPO = "beomi/KcELECTRA-base";
    static Path python;

    @TempDir
    Path cacheDir;

    @BeforeAll
    static void findPython() throws Exception {
        String configured = System.getProperty("kcwb.python");
        Path candidate = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("kcwb.shared.dir", "../shared")).resolveSibling("venv").resolve("bin/python");
        boolean usable = Files.isExecutable(candidate)
                && new ProcessBuilder(candidate.toString(), "-c", "import huggingface_hub").start().waitFor() == 0;
        if (!usable) {
            System.err.println("HubPythonInteropIT skipped: no python with huggingface_hub at " + candidate);
        }
        assumeTrue(usable, "no python with huggingface_hub at " + candidate);
        python = candidate;
    }

    @Test
    void pythonFindsWhatWeDownloadedAndWeFindWhatPythonDownloaded() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            byte[] bin = FakeHub.randomBytes(200_000, 7);
            byte[] safetensors = FakeHub.randomBytes(100_000, 8);
            String v2022 = "1111111111111111111111111111111111111111";
            String main = "2222222222222222222222222222222222222222";
            hub.publish(REPO, "v2022", v2022, "config.json", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8), false);
            hub.publish(REPO, "v2022", v2022, "vocab.txt", "[PAD]\n한국어\n".getBytes(StandardCharsets.UTF_8), false);
            hub.publish(REPO, "v2022", v2022, "pytorch_model.bin", bin, true);
            hub.publish(REPO, "main", main, "config.json", "{\"a\": 2}".getBytes(StandardCharsets.UTF_8), false);
            hub.publish(REPO, "main", main, "tokenizer.json", "{}".getBytes(StandardCharsets.UTF_8), false);
            hub.publish(REPO, "main", main, "model.safetensors", safetensors, true);
            HubSettings settings = new HubSettings(hub.endpoint(), cacheDir, null, false);

            // Python first: main. Then Java, online, must reuse Python's blobs (no new CDN GET) and the same snapshot.
            List<String> pyPaths = python(hub, false, "main", "config.json", "tokenizer.json", "model.safetensors");
            long cdnGets = hub.count("GET", "/lfs/");
            Path javaMain = new HubDownloader(settings).withRetries(1, Duration.ZERO).pull(REPO, "main", DownloadListener.NONE);
            assertEquals(cdnGets, hub.count("GET", "/lfs/"), "Java downloaded a blob Python had already cached");
            assertEquals(Path.of(pyPaths.get(2)), javaMain.resolve("model.safetensors"));
            assertArrayEquals(safetensors, Files.readAllBytes(javaMain.resolve("model.safetensors")));
            assertEquals(javaMain, new HubCache(cacheDir).resolveSnapshot(REPO, "main"));

            // Java first: v2022. Python offline must find every file where Java put it.
            Path javaV2022 = new HubDownloader(settings).pull(REPO, "v2022", DownloadListener.NONE);
            List<String> offline = python(hub, true, "v2022", "config.json", "vocab.txt", "pytorch_model.bin");
            assertEquals(List.of(javaV2022.resolve("config.json").toString(), javaV2022.resolve("vocab.txt").toString(),
                    javaV2022.resolve("pytorch_model.bin").toString()), offline);
            // And Python online sees the blobs as cached: no byte of the weights fetched again.
            long before = hub.count("GET", "/lfs/");
            python(hub, false, "v2022", "pytorch_model.bin");
            assertEquals(before, hub.count("GET", "/lfs/"), "Python re-downloaded a blob Java had cached");
        }
    }

    /** Runs hf_hub_download for each file and returns the paths it printed. */
    private List<String> python(FakeHub hub, boolean offline, String revision, String... files) throws Exception {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c",
                "import sys\nfrom huggingface_hub import hf_hub_download\n"
                        + "for f in sys.argv[2:]:\n"
                        + "    print(hf_hub_download('" + REPO + "', f, revision=sys.argv[1]))\n",
                revision));
        command.addAll(List.of(files));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HF_ENDPOINT", hub.endpoint().toString());
        builder.environment().put("HF_HUB_CACHE", cacheDir.toString());
        builder.environment().put("HF_HUB_OFFLINE", offline ? "1" : "0");
        builder.environment().put("HF_HUB_DISABLE_TELEMETRY", "1");
        builder.environment().put("HF_HUB_DISABLE_XET", "1");
        builder.environment().remove("HF_TOKEN");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "python failed:\n" + err);
        return out.lines().toList();
    }
}
