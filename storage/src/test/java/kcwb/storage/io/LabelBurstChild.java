package kcwb.storage.io;

import java.nio.file.Path;
import java.util.List;
import kcwb.storage.project.Project;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;

/** Child JVM for {@link DurabilityTest}: labels items one by one, printing each acknowledged save. */
public final class LabelBurstChild {
    private LabelBurstChild() {}

    public static void main(String[] args) {
        try (Workspace workspace = WorkspaceStore.open(Path.of(args[0]))) {
            Project project = workspace.projects().require("p");
            long after = 0;
            while (true) {
                var next = workspace.items().nextUnlabeled(project.id(), after);
                if (next.isEmpty()) {
                    break;
                }
                long id = next.get().id();
                String label = id % 3 == 0 ? "hate" : "none";
                workspace.annotations().save(id, "burst", List.of(label), null);
                System.out.println("ACK " + id + " " + label); // printed only after save() returned
                System.out.flush();
                after = id;
            }
            System.out.println("DONE");
        }
    }
}
