package kcwb.app.service.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kcwb.training.finetune.DemoModel;

/** Model folders for tests, built from the demo model that ships in the jar (KBs). */
public final class ModelFixtures {
    public static final String COMMIT = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";

    private ModelFixtures() {}

    /** A hub cache holding {@code repo} at {@code revision} as huggingface_hub lays it out (blob + symlink). */
    public static Path hubSnapshot(Path cacheRoot, String repo, String revision, String commit) throws IOException {
        Path repoDir = cacheRoot.resolve("models--" + repo.replace("/", "--"));
        Path blobs = DemoModel.extractTo(repoDir.resolve("blobs-src"));
        Path snapshot = Files.createDirectories(repoDir.resolve("snapshots").resolve(commit));
        Files.createDirectories(repoDir.resolve("blobs"));
        try (var files = Files.list(blobs)) {
            for (Path file : files.toList()) {
                Path blob = repoDir.resolve("blobs").resolve("blob-" + file.getFileName());
                Files.move(file, blob);
                Files.createSymbolicLink(snapshot.resolve(file.getFileName().toString()),
                        snapshot.relativize(blob));
            }
        }
        Files.delete(blobs);
        Files.createDirectories(repoDir.resolve("refs"));
        Files.writeString(repoDir.resolve("refs").resolve(revision), commit);
        return snapshot;
    }
}
