package kcwb.app.service;

import java.nio.file.Path;
import java.util.function.LongConsumer;
import kcwb.storage.io.ImportOptions;
import kcwb.storage.io.ImportReport;
import kcwb.storage.io.Importer;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;

/** Imports a file into a project, creating the project first when it does not exist yet. */
public final class ImportService {
    private ImportService() {}

    public static ImportReport importFile(Workspace workspace, String projectName, TaskType taskTypeIfNew, Path file,
            ImportOptions options, LongConsumer progress) {
        Project project = workspace.projects().find(projectName)
                .orElseGet(() -> workspace.projects().create(projectName, taskTypeIfNew));
        return new Importer(progress).run(workspace, project, file, options);
    }
}
