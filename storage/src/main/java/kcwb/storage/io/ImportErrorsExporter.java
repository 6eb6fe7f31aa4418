package kcwb.storage.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kcwb.storage.item.ImportBatch;
import kcwb.storage.project.Project;
import kcwb.storage.workspace.Workspace;

/** Writes the stored rejected rows of a project's imports (or one batch) as the TSV error report. */
public final class ImportErrorsExporter {
    private final Workspace workspace;

    public ImportErrorsExporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** {@code batchId} null = every batch of the project; returns the number of rows written. */
    public long write(Project project, Long batchId, Path target) throws IOException {
        List<ProblemsTsv.Row> rows = new ArrayList<>();
        for (ImportBatch batch : workspace.importBatches().list(project.id())) {
            if (batchId == null || batch.id() == batchId) {
                workspace.importBatches().forEachError(batch.id(),
                        error -> rows.add(new ProblemsTsv.Row(batch.sourceFile(), error.line(), error.reason())));
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            ProblemsTsv.write(out, rows, rows.size());
        }
        return rows.size();
    }
}
