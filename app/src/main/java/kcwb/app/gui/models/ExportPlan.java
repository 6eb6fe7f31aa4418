package kcwb.app.gui.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kcwb.app.gui.common.I18n;
import kcwb.training.checkpoint.HfFolder;
import kcwb.training.finetune.HfCheckpointIo;
import kcwb.training.provenance.ProvenanceJson;
import kcwb.training.provenance.RunProvenance;

/** What {@code ModelExportService} will write for a checkpoint, as lines the export dialog lists before exporting. */
final class ExportPlan {
    private ExportPlan() {}

    static List<String> describe(Path checkpoint, I18n i18n) {
        List<String> lines = new ArrayList<>();
        try {
            HfFolder folder = HfFolder.open(checkpoint);
            JsonNode config = folder.readConfig();
            List<String> labels = new ArrayList<>();
            config.path("id2label").forEach(label -> labels.add(label.asText()));
            long weightBytes = 0;
            for (Path file : folder.weightFiles()) {
                weightBytes += Files.size(file);
            }
            lines.add(i18n.get("models.export.item.weights", GetModelViewModel.megabytes(weightBytes)));
            lines.add(i18n.get("models.export.item.config", labels.size(), String.join(", ", labels)));
            for (Path file : folder.tokenizerFiles()) {
                lines.add(i18n.get("models.export.item.tokenizer", file.getFileName()));
            }
            if (Files.isRegularFile(checkpoint.resolve(RunProvenance.FILE_NAME))) {
                RunProvenance provenance = ProvenanceJson.read(checkpoint);
                lines.add(i18n.get("models.export.item.provenance", provenance.cleaning().recipeId()));
            } else {
                lines.add(i18n.get("models.export.item.noProvenance"));
            }
            if (Files.isRegularFile(checkpoint.resolve(HfCheckpointIo.METRICS_FILE))) {
                lines.add(i18n.get("models.export.item.metrics", HfCheckpointIo.METRICS_FILE));
            }
            lines.add(i18n.get("models.export.item.card"));
        } catch (IOException | RuntimeException e) {
            lines.add(i18n.get("models.export.unreadable", e.getMessage()));
        }
        return lines;
    }

    /** {@code ~/kcwb-models/<run folder>-<checkpoint folder>}: a name that says which run and step it was. */
    static Path defaultTarget(Path checkpoint, Path home) {
        Path parent = checkpoint.toAbsolutePath().getParent();
        String name = (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "-")
                + checkpoint.getFileName();
        return home.resolve("kcwb-models").resolve(name);
    }
}
