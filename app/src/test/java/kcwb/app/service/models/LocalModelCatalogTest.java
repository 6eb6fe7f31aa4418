package kcwb.app.service.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kcwb.training.hub.HubCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalModelCatalogTest {
    @TempDir
    Path temp;

    @Test
    void listsHubSnapshotsByTheirRefsTheDemoModelAndExportedFolders() throws IOException {
        Path cache = temp.resolve("hub");
        Path snapshot = ModelFixtures.hubSnapshot(cache, "beomi/KcELECTRA-base", "v2022", ModelFixtures.COMMIT);
        Files.createDirectories(cache.resolve("models--x--partial/snapshots/bbbb")); // no config.json: skipped
        ExportedModels exported = new ExportedModels(temp.resolve("config"));
        Path export = Files.createDirectories(temp.resolve("my-export"));
        Files.writeString(export.resolve("config.json"), "{}");
        exported.remember(export);
        exported.remember(temp.resolve("deleted-since")); // gone: not listed
        LocalModelCatalog catalog = new LocalModelCatalog(new HubCache(cache), temp.resolve("demo"), exported);

        List<LocalModel> hub = catalog.hubModels();
        assertEquals(1, hub.size());
        assertEquals("beomi/KcELECTRA-base", hub.getFirst().name());
        assertEquals("v2022 · aaaaaaaaaa", hub.getFirst().detail());
        assertEquals(snapshot, hub.getFirst().dir());
        assertFalse(hub.getFirst().exportable());

        LocalModel demo = catalog.demoModel().orElseThrow();
        assertTrue(Files.isRegularFile(demo.dir().resolve("model.safetensors")), "the demo is copied out of the jar");
        assertEquals(List.of(export.toAbsolutePath()), catalog.exportedModels().stream().map(LocalModel::dir).toList());
    }

    @Test
    void exportedFoldersAreRememberedNewestFirstWithoutDuplicates() throws IOException {
        ExportedModels exported = new ExportedModels(temp);
        exported.remember(temp.resolve("a"));
        exported.remember(temp.resolve("b"));
        exported.remember(temp.resolve("a"));
        assertEquals(List.of(temp.resolve("a"), temp.resolve("b")), exported.list());
        Files.writeString(temp.resolve(ExportedModels.FILE_NAME), "not json");
        assertEquals(List.of(), exported.list(), "a broken file reads as empty");
    }
}
