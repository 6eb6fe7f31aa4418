package kcwb.storage.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kcwb.storage.annotation.FinalLabelPolicy;
import kcwb.storage.annotation.FinalLabels;
import kcwb.storage.item.ImportBatch;
import kcwb.storage.item.Split;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;

/**
 * A folder that {@code datasets.load_dataset(folder)} reads: train.jsonl, dev.jsonl, test.jsonl
 * (labelled items only; items without a split go to train) and README.md, a dataset card whose
 * YAML maps the files to the train/validation/test splits and declares the label names.
 * Content hash: SHA-256 over "id NUL text NUL label NUL" for every exported row in id order.
 */
public final class HfDatasetExporter {
    /** What was written. */
    public record Summary(Path folder, Map<Split, Long> rowsPerSplit, Map<String, Long> rowsPerLabel, String sha256) {}

    private final Workspace workspace;

    public HfDatasetExporter(Workspace workspace) {
        this.workspace = workspace;
    }

    public Summary write(Project project, FinalLabelPolicy policy, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> labelNames = workspace.labels().names(project.id());
        boolean multi = project.taskType() == TaskType.MULTI_LABEL;
        Map<Split, BufferedWriter> writers = new EnumMap<>(Split.class);
        Map<Split, Long> perSplit = new EnumMap<>(Split.class);
        Map<String, Long> perLabel = new LinkedHashMap<>();
        labelNames.forEach(name -> perLabel.put(name, 0L));
        MessageDigest digest = sha256();
        try {
            for (Split split : Split.values()) {
                writers.put(split, Files.newBufferedWriter(folder.resolve(split.key() + ".jsonl"), StandardCharsets.UTF_8));
                perSplit.put(split, 0L);
            }
            new FinalLabels(workspace).forEach(project, policy, null, item -> {
                if (item.labels().isEmpty()) {
                    return;
                }
                Split split = item.split() == null ? Split.TRAIN : item.split();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", item.itemId());
                row.put("text", item.text());
                List<Integer> indexes = item.labels().stream().map(labelNames::indexOf).toList();
                row.put(multi ? "labels" : "label", multi ? indexes : indexes.getFirst());
                try {
                    writers.get(split).write(Json.write(row) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                digest.update((item.itemId() + "\0" + item.text() + "\0" + String.join(",", item.labels()) + "\0")
                        .getBytes(StandardCharsets.UTF_8));
                perSplit.merge(split, 1L, Long::sum);
                item.labels().forEach(label -> perLabel.merge(label, 1L, Long::sum));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (BufferedWriter writer : writers.values()) {
                writer.close();
            }
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        Files.writeString(folder.resolve("README.md"), card(project, labelNames, multi, perSplit, perLabel, hash),
                StandardCharsets.UTF_8);
        return new Summary(folder, perSplit, perLabel, hash);
    }

    private String card(Project project, List<String> labelNames, boolean multi, Map<Split, Long> perSplit,
            Map<String, Long> perLabel, String hash) {
        StringBuilder card = new StringBuilder("---\nconfigs:\n- config_name: default\n  data_files:\n");
        card.append("  - split: train\n    path: train.jsonl\n");
        card.append("  - split: validation\n    path: dev.jsonl\n");
        card.append("  - split: test\n    path: test.jsonl\n");
        card.append("dataset_info:\n  features:\n  - name: id\n    dtype: int64\n  - name: text\n    dtype: string\n");
        card.append("  - name: ").append(multi ? "labels" : "label").append('\n');
        card.append(multi ? "    sequence:\n      class_label:\n        names:\n" : "    dtype:\n      class_label:\n        names:\n");
        String indent = multi ? "          " : "          ";
        for (int i = 0; i < labelNames.size(); i++) {
            card.append(indent).append("'").append(i).append("': ").append(Json.write(labelNames.get(i))).append('\n');
        }
        card.append("---\n\n# ").append(project.name()).append("\n\nExported by Kc Workbench from workspace `")
                .append(workspace.id()).append("`, project `").append(project.name()).append("` (")
                .append(project.taskType().key()).append(").\n\n## Labels\n\n| index | label | rows |\n|---|---|---|\n");
        for (int i = 0; i < labelNames.size(); i++) {
            card.append("| ").append(i).append(" | ").append(labelNames.get(i)).append(" | ")
                    .append(perLabel.getOrDefault(labelNames.get(i), 0L)).append(" |\n");
        }
        card.append("\n## Splits\n\n| split | file | rows |\n|---|---|---|\n");
        for (Split split : Split.values()) {
            card.append("| ").append(split == Split.DEV ? "validation" : split.key()).append(" | ").append(split.key())
                    .append(".jsonl | ").append(perSplit.get(split)).append(" |\n");
        }
        card.append("\nItems without a split are in train; items without a final label are not exported.\n");
        card.append("\n## Source files\n\n");
        TreeSet<String> sources = new TreeSet<>();
        for (ImportBatch batch : workspace.importBatches().list(project.id())) {
            if (batch.state().equals("complete")) {
                sources.add("`" + batch.sourceFile() + "` (sha256 " + batch.sha256() + ", " + batch.rowsImported() + " rows)");
            }
        }
        List<String> lines = new ArrayList<>(sources);
        if (lines.isEmpty()) {
            lines.add("(none recorded)");
        }
        lines.forEach(line -> card.append("- ").append(line).append('\n'));
        card.append("\n## Content hash\n\nsha256 over `id NUL text NUL labels NUL` for every row in id order: `")
                .append(hash).append("`\n");
        return card.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
