package kcwb.storage.io;

import java.nio.file.Path;
import kcwb.storage.project.Project;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;

/** Child JVM for {@link DurabilityTest}: imports a file, printing progress, until it is killed. */
public final class ImportChild {
    private ImportChild() {}

    public static void main(String[] args) {
        try (Workspace workspace = WorkspaceStore.open(Path.of(args[0]))) {
            Project project = workspace.projects().require("p");
            new Importer(rows -> {
                System.out.println("ROWS " + rows);
                System.out.flush();
            }).run(workspace, project, Path.of(args[1]),
                    ImportOptions.builder(ImportFormat.TSV).optLabelColumn("1").optDedupe(true).optCreateLabels(true).build());
            System.out.println("DONE");
        }
    }
}
