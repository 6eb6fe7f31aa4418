package kcwb.app.service.train;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kcwb.storage.project.Project;
import kcwb.storage.run.Run;
import kcwb.storage.run.RunState;
import kcwb.storage.workspace.Workspace;

/**
 * Tells a live run from a dead one: the training process holds an OS file lock on {@value #LOCK_FILE} in the run
 * folder for as long as it runs; the OS drops it when the process dies, even on kill -9. A run still marked
 * running whose lock can be taken has no live process and is marked INTERRUPTED.
 */
public final class RunLiveness implements AutoCloseable {
    public static final String LOCK_FILE = ".kcwb-run.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private RunLiveness(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the run folder's lock; fails when another live process trains into the same folder. */
    public static RunLiveness hold(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        FileChannel channel = FileChannel.open(runDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalArgumentException(runDir + ": another training process is writing into this folder");
        }
        return new RunLiveness(channel, lock);
    }

    /** Whether a live process holds {@code runDir}'s lock. */
    public static boolean isAlive(Path runDir) {
        Path file = runDir.resolve(LOCK_FILE);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this JVM
        } catch (IOException e) {
            return false;
        }
    }

    /** Marks every RUNNING run without a live process INTERRUPTED; returns how many. Call on opening a workspace. */
    public static int markInterrupted(Workspace workspace) {
        int marked = 0;
        for (Project project : workspace.projects().list()) {
            for (Run run : workspace.runs().list(project.id())) {
                if (run.state() == RunState.RUNNING && (run.runDir() == null || !isAlive(Path.of(run.runDir())))) {
                    String resume = run.runDir() == null ? "" : lastCheckpoint(Path.of(run.runDir()))
                            .map(c -> "; resume with: kcwb train --resume " + c).orElse("; no checkpoint was saved");
                    workspace.runs().finish(run.id(), RunState.INTERRUPTED, "the training process ended without finishing" + resume);
                    marked++;
                }
            }
        }
        return marked;
    }

    /** The highest-step complete {@code checkpoint-N} folder of a run, if any. */
    public static Optional<Path> lastCheckpoint(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(runDir)) {
            List<Path> checkpoints = entries.filter(p -> p.getFileName().toString().matches("checkpoint-\\d+"))
                    .filter(p -> Files.isRegularFile(p.resolve("kcwb-trainer-state.json"))).toList();
            return checkpoints.stream().max(Comparator.comparingLong(
                    p -> Long.parseLong(p.getFileName().toString().substring("checkpoint-".length()))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
