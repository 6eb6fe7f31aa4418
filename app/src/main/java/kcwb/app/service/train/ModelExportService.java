package kcwb.app.service.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import kcwb.training.checkpoint.HfFolder;
import kcwb.training.checkpoint.HfFolderWriter;
import kcwb.training.eval.ClassScores;
import kcwb.training.eval.Evaluation;
import kcwb.training.finetune.HfCheckpointIo;
import kcwb.training.provenance.ProvenanceJson;
import kcwb.training.provenance.RunProvenance;

/**
 * Exports a checkpoint as a clean HF folder (no optimiser or trainer state) with a model card README.md:
 * label map, cleaning, training config, metrics and provenance, so Python users know what they load.
 */
public final class ModelExportService {

    public void export(Path checkpoint, Path out) throws IOException {
        HfFolder folder = HfFolder.open(checkpoint);
        if (Files.exists(out) && !(Files.isDirectory(out) && isEmpty(out))) {
            throw new IllegalArgumentException(out + ": already exists and is not an empty folder");
        }
        RunProvenance provenance = Files.isRegularFile(checkpoint.resolve(RunProvenance.FILE_NAME))
                ? ProvenanceJson.read(checkpoint) : null;
        Evaluation metrics = HfCheckpointIo.readMetrics(checkpoint);
        HfFolderWriter.write(out, folder.readWeights(), folder.readConfig(), checkpoint,
                provenance == null ? null : ProvenanceJson.toJson(provenance));
        if (Files.isRegularFile(checkpoint.resolve(HfCheckpointIo.METRICS_FILE))) {
            Files.copy(checkpoint.resolve(HfCheckpointIo.METRICS_FILE), out.resolve(HfCheckpointIo.METRICS_FILE));
        }
        Files.writeString(out.resolve("README.md"), modelCard(folder, provenance, metrics), StandardCharsets.UTF_8);
    }

    static String modelCard(HfFolder folder, RunProvenance p, Evaluation metrics) throws IOException {
        var config = folder.readConfig();
        StringBuilder md = new StringBuilder("---\nlibrary_name: transformers\npipeline_tag: text-classification\nlanguage: ko\n---\n\n");
        md.append("# ELECTRA text classifier (Kc Workbench)\n\n");
        md.append("```python\nfrom transformers import AutoTokenizer, AutoModelForSequenceClassification\n")
                .append("tok = AutoTokenizer.from_pretrained(\"PATH\")\nmodel = AutoModelForSequenceClassification.from_pretrained(\"PATH\")\n```\n\n");
        md.append("## Labels\n\n| id | label |\n|---|---|\n");
        config.path("id2label").properties().forEach(e -> md.append("| ").append(e.getKey()).append(" | ")
                .append(e.getValue().asText()).append(" |\n"));
        md.append("\nProblem type: `").append(config.path("problem_type").asText("single_label_classification")).append("`\n\n");
        if (p != null) {
            md.append("## Text cleaning (apply it before the tokenizer)\n\nRecipe `").append(p.cleaning().recipeId())
                    .append("`").append(p.cleaning().rules().isEmpty() ? "" : ": " + String.join(" → ", p.cleaning().rules()))
                    .append("\n\nMax length ").append(p.tokenizer().maxLength()).append(" tokens; vocabulary sha256 `")
                    .append(p.tokenizer().vocabSha256()).append("`\n\n");
            md.append("## Training\n\nBase model: `").append(p.baseModel().source()).append("`  \nData: `")
                    .append(p.dataset().source()).append("`, rows ").append(p.dataset().rowsPerSplit())
                    .append(", sha256 `").append(p.dataset().sha256()).append("`\n\n```\n").append(p.config()).append("\n```\n\n");
        }
        if (metrics != null) {
            md.append(String.format(Locale.ROOT, "## Dev metrics\n\n%d examples: loss %.4f, accuracy %.4f, macro-F1 %.4f, "
                    + "micro-F1 %.4f\n\n| label | precision | recall | F1 | support |\n|---|---|---|---|---|\n",
                    metrics.examples(), metrics.loss(), metrics.accuracy(), metrics.macroF1(), metrics.microF1()));
            for (ClassScores c : metrics.perClass()) {
                md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %d |\n", c.label(), c.precision(),
                        c.recall(), c.f1(), c.support()));
            }
            md.append('\n');
        }
        md.append("Full provenance: `").append(RunProvenance.FILE_NAME).append("`.\n");
        return md.toString();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
