package kcwb.storage.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/datasets; tests skip with a printed reason when it is absent. */
final class SharedDatasets {
    private SharedDatasets() {}

    static Path require(String relative) {
        Path shared = Path.of(System.getProperty("kcwb.shared.dir", "../shared"));
        Path file = shared.resolve("datasets").resolve(relative);
        if (!Files.isRegularFile(file)) {
            String reason = "skipped: " + file + " is absent (read-only reference data under ../shared)";
            System.err.println(reason);
            assumeTrue(false, reason);
        }
        return file;
    }
}
