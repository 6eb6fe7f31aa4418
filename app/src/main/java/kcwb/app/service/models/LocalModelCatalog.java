package kcwb.app.service.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kcwb.storage.project.Project;
import kcwb.storage.run.Checkpoint;
import kcwb.storage.run.Run;
import kcwb.storage.workspace.Workspace;
import kcwb.training.finetune.DemoModel;
import kcwb.training.hub.HubCache;

/**
 * Finds the model folders the app can use: revisions in the Hugging Face hub cache (what {@code kcwb model
 * pull} or Python downloaded), the demo model shipped in the jar, the checkpoints of a project's training runs
 * and the folders exported from the app.
 */
public final class LocalModelCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubCache hubCache;
    private final Path demoDir;
    private final ExportedModels exported;

    /**
     * @param demoDir where the demo model is copied so it can be opened like any folder
     */
    public LocalModelCatalog(HubCache hubCache, Path demoDir, ExportedModels exported) {
        this.hubCache = hubCache;
        this.demoDir = demoDir;
        this.exported = exported;
    }

    /** Every snapshot of every repo in the cache, named by the refs (v2022, main) that point at it. */
    public List<LocalModel> hubModels() {
        List<LocalModel> models = new ArrayList<>();
        for (Path repoDir : children(hubCache.root())) {
            String folder = repoDir.getFileName().toString();
            if (!folder.startsWith("models--")) {
                continue;
            }
            String repo = folder.substring("models--".length()).replace("--", "/");
            Map<String, List<String>> refsByCommit = refsByCommit(repoDir.resolve("refs"));
            for (Path snapshot : children(repoDir.resolve("snapshots"))) {
                if (!Files.isRegularFile(snapshot.resolve("config.json"))) {
                    continue; // a pull that stopped before config.json: nothing to open
                }
                String commit = snapshot.getFileName().toString();
                List<String> refs = refsByCommit.getOrDefault(commit, List.of());
                String shortCommit = commit.substring(0, Math.min(10, commit.length()));
                String detail = refs.isEmpty() ? shortCommit : String.join(", ", refs) + " · " + shortCommit;
                models.add(new LocalModel(LocalModel.Source.HUB_CACHE, repo, detail, snapshot));
            }
        }
        return models;
    }

    /** The shipped demo model, copied out of the jar (KBs) when it is not there yet. */
    public Optional<LocalModel> demoModel() {
        if (!DemoModel.hasWeights()) {
            return Optional.empty();
        }
        try {
            if (!Files.isRegularFile(demoDir.resolve("model.safetensors"))) {
                DemoModel.extractTo(demoDir);
            }
            return Optional.of(new LocalModel(LocalModel.Source.DEMO, "demo", "", demoDir));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The checkpoints of the project's runs, newest run first; call on the workspace's thread. */
    public static List<LocalModel> checkpoints(Workspace workspace, Project project) {
        List<LocalModel> models = new ArrayList<>();
        List<Run> runs = new ArrayList<>(workspace.runs().list(project.id()));
        runs.sort((a, b) -> Long.compare(b.id(), a.id()));
        for (Run run : runs) {
            for (Checkpoint checkpoint : workspace.runs().checkpoints(run.id())) {
                Path dir = Path.of(checkpoint.path());
                if (Files.isDirectory(dir)) {
                    String detail = "step " + checkpoint.step() + (checkpoint.best() ? " ★ best" : "")
                            + metricsText(checkpoint.metricsJson());
                    models.add(new LocalModel(LocalModel.Source.CHECKPOINT, run.name(), detail, dir));
                }
            }
        }
        return models;
    }

    /** Exported folders that still exist. */
    public List<LocalModel> exportedModels() {
        return exported.list().stream().filter(dir -> Files.isRegularFile(dir.resolve("config.json")))
                .map(dir -> new LocalModel(LocalModel.Source.EXPORTED, dir.getFileName().toString(), dir.toString(), dir))
                .toList();
    }

    private static String metricsText(String metricsJson) {
        if (metricsJson == null || metricsJson.isBlank()) {
            return "";
        }
        try {
            JsonNode metrics = JSON.readTree(metricsJson);
            StringBuilder text = new StringBuilder();
            for (String key : List.of("macro_f1", "accuracy", "loss")) {
                if (metrics.path(key).isNumber()) {
                    text.append(String.format(Locale.ROOT, " · %s %.4f", key, metrics.path(key).asDouble()));
                }
            }
            return text.toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static Map<String, List<String>> refsByCommit(Path refsDir) {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        if (!Files.isDirectory(refsDir)) {
            return refs;
        }
        try (Stream<Path> files = Files.walk(refsDir)) {
            for (Path ref : files.filter(Files::isRegularFile).sorted().toList()) {
                String commit = Files.readString(ref, StandardCharsets.UTF_8).strip();
                refs.computeIfAbsent(commit, c -> new ArrayList<>()).add(refsDir.relativize(ref).toString());
            }
        } catch (IOException e) {
            return refs;
        }
        return refs;
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
