package kcwb.app.gui.models;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kcwb.training.hub.FileRequirement;

/**
 * The whole pull's progress from per-file events: each file the revision needs ({@link FileRequirement}) is one
 * share; the file being downloaded counts with its byte fraction. A requirement is done when one of its
 * candidates is ready, or, if optional, when its last candidate was skipped (the hub has none of them).
 */
final class PullProgress {
    private final List<FileRequirement> manifest;
    private final Set<Integer> done = new HashSet<>();
    private String currentFile;
    private double currentFraction;

    PullProgress(List<FileRequirement> manifest) {
        this.manifest = List.copyOf(manifest);
    }

    void started(String file) {
        currentFile = file;
        currentFraction = 0;
    }

    void progress(String file, double fraction) {
        currentFile = file;
        currentFraction = fraction < 0 ? 0 : fraction;
    }

    void ready(String file) {
        int index = requirementOf(file);
        if (index >= 0) {
            done.add(index);
        }
        if (file.equals(currentFile)) {
            currentFile = null;
        }
    }

    void skipped(String file) {
        int index = requirementOf(file);
        if (index >= 0 && !manifest.get(index).required() && manifest.get(index).candidates().getLast().equals(file)) {
            done.add(index);
        }
    }

    /** 0..1 over all the files of the revision. */
    double total() {
        double current = currentFile != null && !done.contains(requirementOf(currentFile)) ? currentFraction : 0;
        return Math.min(1.0, (done.size() + current) / manifest.size());
    }

    private int requirementOf(String file) {
        for (int i = 0; i < manifest.size(); i++) {
            if (manifest.get(i).candidates().contains(file)) {
                return i;
            }
        }
        return -1;
    }
}
