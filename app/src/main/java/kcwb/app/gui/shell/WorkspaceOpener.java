package kcwb.app.gui.shell;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens or creates a workspace off the FX thread: {@link #using} opens it in the app's workspace session;
 * {@link #pathChecksOnly} only checks the path (shell tests).
 */
public interface WorkspaceOpener {
    void open(Path workspace) throws Exception;

    void create(Path workspace) throws Exception;

    /** The real one: opens/creates the file in the session the views work with. */
    static WorkspaceOpener using(kcwb.app.service.WorkspaceSession session) {
        return new WorkspaceOpener() {
            @Override
            public void open(Path workspace) {
                session.open(workspace);
            }

            @Override
            public void create(Path workspace) {
                session.create(workspace);
            }
        };
    }

    /** Checks the paths only (shell tests that need no storage). */
    static WorkspaceOpener pathChecksOnly() {
        return new WorkspaceOpener() {
            @Override
            public void open(Path workspace) throws Exception {
                if (!Files.exists(workspace)) {
                    throw new java.nio.file.NoSuchFileException(workspace.toString());
                }
            }

            @Override
            public void create(Path workspace) throws Exception {
                Path parent = workspace.toAbsolutePath().getParent();
                if (parent == null || !Files.isDirectory(parent)) {
                    throw new java.nio.file.NoSuchFileException(String.valueOf(parent));
                }
                if (Files.exists(workspace)) {
                    throw new java.nio.file.FileAlreadyExistsException(workspace.toString());
                }
            }
        };
    }
}
