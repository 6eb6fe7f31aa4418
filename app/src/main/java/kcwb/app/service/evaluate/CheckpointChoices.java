package kcwb.app.service.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kcwb.storage.run.Checkpoint;
import kcwb.storage.run.Run;
import kcwb.storage.workspace.Workspace;

/** The checkpoints of a project's runs that can be evaluated (their folder still exists), newest run first. */
public final class CheckpointChoices {
    private CheckpointChoices() {}

    public static List<CheckpointChoice> list(Workspace workspace, long projectId) {
        List<CheckpointChoice> choices = new ArrayList<>();
        for (Run run : workspace.runs().list(projectId).reversed()) {
            for (Checkpoint checkpoint : workspace.runs().checkpoints(run.id())) {
                Path path = Path.of(checkpoint.path());
                if (Files.isDirectory(path)) {
                    choices.add(new CheckpointChoice(run.id(), run.name(), checkpoint.step(), path, checkpoint.best()));
                }
            }
        }
        return choices;
    }

    /** The one to preselect: the best checkpoint of the newest run that has one, else the newest checkpoint. */
    public static Optional<CheckpointChoice> preferred(List<CheckpointChoice> choices) {
        if (choices.isEmpty()) {
            return Optional.empty();
        }
        long newestRun = choices.getFirst().runId();
        List<CheckpointChoice> ofRun = choices.stream().filter(c -> c.runId() == newestRun).toList();
        return ofRun.stream().filter(CheckpointChoice::best).findFirst().or(() -> Optional.of(ofRun.getLast()));
    }
}
