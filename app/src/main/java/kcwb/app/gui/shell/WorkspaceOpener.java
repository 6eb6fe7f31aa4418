package kcwb.app.gui.shell;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens or creates a workspace off the FX thread. Until the storage module is wired in, the default only
 * checks the path (open: the file exists; create: its folder exists and the file does not); the storage
 * integration replaces it with the real open/create.
 */
public interface WorkspaceOpener {
    void open(Path workspace) throws Exception;

    void create(Path workspace) throws Exception;

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
