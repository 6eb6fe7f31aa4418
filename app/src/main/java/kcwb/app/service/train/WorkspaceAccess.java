package kcwb.app.service.train;

import java.util.function.Function;
import kcwb.storage.workspace.Workspace;

/**
 * How long work reaches a workspace one short call at a time: directly (the CLI, which owns its connection) or
 * through the GUI's {@link kcwb.app.service.WorkspaceSession} thread, so other views keep working in between.
 */
public interface WorkspaceAccess {
    <T> T call(Function<Workspace, T> work);

    static WorkspaceAccess of(Workspace workspace) {
        return new WorkspaceAccess() {
            @Override
            public <T> T call(Function<Workspace, T> work) {
                return work.apply(workspace);
            }
        };
    }

    static WorkspaceAccess of(kcwb.app.service.WorkspaceSession session) {
        return new WorkspaceAccess() {
            @Override
            public <T> T call(Function<Workspace, T> work) {
                return session.call(work);
            }
        };
    }
}
