package kcwb.app.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kcwb.storage.item.ImportBatch;
import kcwb.storage.item.Split;
import kcwb.storage.label.Label;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;

/** Creating a workspace and summarising it: shared by {@code kcwb workspace} and the GUI's start screen. */
public final class WorkspaceService {
    private WorkspaceService() {}

    public static Map<String, Object> init(Path file, String projectName, TaskType taskType, List<String> labels) {
        try (Workspace workspace = WorkspaceStore.create(file)) {
            if (projectName != null) {
                Project project = workspace.projects().create(projectName, taskType);
                labels.forEach(label -> workspace.labels().add(project.id(), label.strip()));
            }
            return info(workspace);
        }
    }

    public static Map<String, Object> info(Workspace workspace) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("workspace", workspace.file().toString());
        info.put("id", workspace.id());
        info.put("schemaVersion", workspace.schemaVersion());
        List<Map<String, Object>> projects = new ArrayList<>();
        for (Project project : workspace.projects().list()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("id", project.id());
            summary.put("name", project.name());
            summary.put("task", project.taskType().key());
            summary.put("labels", workspace.labels().list(project.id()).stream().map(Label::name).toList());
            summary.put("items", workspace.items().count(project.id()));
            summary.put("unlabeled", workspace.items().countUnlabeled(project.id()));
            Map<String, Long> splits = new LinkedHashMap<>();
            for (Split split : Split.values()) {
                splits.put(split.key(), workspace.items().countInSplit(project.id(), split));
            }
            summary.put("splits", splits);
            List<String> imports = new ArrayList<>();
            for (ImportBatch batch : workspace.importBatches().list(project.id())) {
                imports.add("#" + batch.id() + " " + batch.state() + " " + batch.sourceFile() + " (" + batch.rowsImported()
                        + " imported, " + batch.rowsRejected() + " rejected, " + batch.rowsDuplicate() + " duplicates)");
            }
            summary.put("imports", imports);
            summary.put("runs", workspace.runs().list(project.id()).size());
            projects.add(summary);
        }
        info.put("projects", projects);
        return info;
    }
}
