package kcwb.app.service.checkpoints;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import kcwb.storage.run.Checkpoint;
import kcwb.storage.run.Run;
import kcwb.storage.run.RunState;
import kcwb.storage.workspace.Workspace;

/**
 * The one chooser for "a checkpoint of the project's runs" (the evaluate and review views use it). The rule:
 * <ul>
 *   <li><b>Offered</b>: every checkpoint of the project's runs whose folder is still on disk, newest run first,
 *       each run's checkpoints by step. A checkpoint whose folder was deleted is <em>not offered</em>: picking it
 *       could only fail, and a JavaFX ComboBox has no disabled entries (arrow keys select them anyway). When it is a
 *       folder training keeps (the run's best or its last checkpoint) it is reported in {@link Choices#missing()}, so
 *       the view can say which one is gone and why it is not offered. Other missing folders are the intermediate
 *       checkpoints training itself prunes (keep the best k + the last): routine, so not reported.</li>
 *   <li><b>Preselected</b>: the best checkpoint of the newest finished run that still has its best on disk (what a
 *       completed training meant you to use); when no finished run has one, the newest checkpoint offered (the
 *       newest run's last step); nothing when none is offered.</li>
 * </ul>
 * Call on the workspace's thread.
 */
public final class CheckpointChooser {
    /** What to offer, the kept checkpoints left out because their folder is gone, and the one to preselect. */
    public record Choices(List<RunCheckpoint> offered, List<RunCheckpoint> missing, Optional<RunCheckpoint> preselected) {
        public Choices {
            offered = List.copyOf(offered);
            missing = List.copyOf(missing);
        }

        /** No checkpoints at all (no project). */
        public static Choices none() {
            return new Choices(List.of(), List.of(), Optional.empty());
        }

        /** Up to {@code limit} missing checkpoints as "run / folder", comma separated, "…" when there are more. */
        public String missingText(int limit) {
            String shown = missing.stream().limit(limit).map(RunCheckpoint::describe).collect(Collectors.joining(", "));
            return missing.size() > limit ? shown + ", …" : shown;
        }
    }

    private CheckpointChooser() {}

    /** The project's checkpoints by the rule above. */
    public static Choices choices(Workspace workspace, long projectId) {
        List<RunCheckpoint> offered = new ArrayList<>();
        List<RunCheckpoint> missing = new ArrayList<>();
        for (Run run : workspace.runs().list(projectId).reversed()) {
            List<Checkpoint> checkpoints = workspace.runs().checkpoints(run.id()); // by step
            for (Checkpoint checkpoint : checkpoints) {
                Path dir = Path.of(checkpoint.path());
                RunCheckpoint choice = new RunCheckpoint(run.id(), run.name(), run.state(), checkpoint.step(), dir,
                        checkpoint.best());
                if (Files.isDirectory(dir)) {
                    offered.add(choice);
                } else if (checkpoint.best() || checkpoint == checkpoints.getLast()) {
                    missing.add(choice); // training keeps these: someone deleted it
                }
            }
        }
        return new Choices(offered, missing, preselect(offered));
    }

    /** The preselection rule on a list ordered as {@link #choices} orders it (newest run first, steps ascending). */
    public static Optional<RunCheckpoint> preselect(List<RunCheckpoint> offered) {
        return offered.stream().filter(c -> c.best() && c.runState() == RunState.FINISHED).findFirst()
                .or(() -> newest(offered));
    }

    private static Optional<RunCheckpoint> newest(List<RunCheckpoint> offered) {
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        long newestRun = offered.getFirst().runId();
        return offered.stream().filter(c -> c.runId() == newestRun).reduce((first, second) -> second);
    }
}
