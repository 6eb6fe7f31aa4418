package kcwb.training.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache laid out by hand exactly as huggingface_hub writes it (see file_download.py: blobs named
 * by etag, relative snapshot symlinks, refs without a newline) is found by the resolver.
 */
class HubCacheTest {
    static final String REPO = "beomi/KcELECTRA-base";
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path root;

    @Test
    void findsASnapshotThatPythonWrote() throws IOException {
        layOutLikeHuggingfaceHub("v2022", "config.json", "vocab.txt", "pytorch_model.bin");
        HubCache cache = new HubCache(root);
        Path snapshot = cache.resolveSnapshot(REPO, "v2022");
        assertEquals(root.resolve("models--beomi--KcELECTRA-base/snapshots/" + COMMIT), snapshot);
        assertEquals("content of vocab.txt", Files.readString(snapshot.resolve("vocab.txt")));
        assertEquals(snapshot, cache.resolveSnapshot(REPO, COMMIT), "a commit hash resolves without a ref");
        assertEquals(snapshot.resolve("config.json"), cache.cachedFile(REPO, "v2022", "config.json").orElseThrow());
    }

    @Test
    void aSnapshotWithoutItsWeightsIsNotResolved() throws IOException {
        layOutLikeHuggingfaceHub("main", "config.json", "tokenizer.json");
        HubException partial = assertThrows(HubException.class, () -> new HubCache(root).resolveSnapshot(REPO, "main"));
        assertEquals(HubException.Reason.NOT_CACHED, partial.reason());
        assertTrue(partial.getMessage().contains("model.safetensors or pytorch_model.bin"), partial.getMessage());

        HubException unknown = assertThrows(HubException.class, () -> new HubCache(root).resolveSnapshot(REPO, "v2021"));
        assertTrue(unknown.getMessage().contains("kcwb model pull beomi/KcELECTRA-base --revision v2021"), unknown.getMessage());
    }

    @Test
    void refusesFileNamesThatEscapeTheSnapshot() {
        HubCache cache = new HubCache(root);
        assertThrows(IllegalArgumentException.class, () -> cache.pointerPath(REPO, COMMIT, "../../blobs/x"));
        assertThrows(IllegalArgumentException.class, () -> cache.blobPath(REPO, "../x"));
    }

    @Test
    void repoFolderNamesMatchHuggingfaceHub() {
        assertEquals("models--beomi--KcELECTRA-base", HubCache.repoFolderName("beomi/KcELECTRA-base"));
        assertEquals("models--gpt2", HubCache.repoFolderName("gpt2"));
    }

    private void layOutLikeHuggingfaceHub(String ref, String... files) throws IOException {
        Path repoDir = root.resolve("models--beomi--KcELECTRA-base");
        Files.createDirectories(repoDir.resolve("blobs"));
        Files.createDirectories(repoDir.resolve("refs"));
        Path snapshot = Files.createDirectories(repoDir.resolve("snapshots").resolve(COMMIT));
        Files.writeString(repoDir.resolve("refs").resolve(ref), COMMIT);
        for (String file : files) {
            String etag = Integer.toHexString(file.hashCode()) + "0".repeat(32);
            Files.writeString(repoDir.resolve("blobs").resolve(etag), "content of " + file);
            Files.createSymbolicLink(snapshot.resolve(file), Path.of("../../blobs/" + etag));
        }
    }
}
