package kcwb.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import kcwb.storage.StorageException;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import picocli.CommandLine.Option;

/** The options every storage command shares: {@code --workspace PATH} and {@code --json}. */
public final class WorkspaceOptions {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--workspace", required = true, paramLabel = "PATH", description = "The workspace file (.kcwb).")
    Path workspace;

    @Option(names = "--json", description = "Print a JSON summary instead of text.")
    boolean json;

    /** Opens the workspace, runs {@code work}, closes it; storage errors become user-facing errors. */
    <T> T withWorkspace(Function<Workspace, T> work) {
        try (Workspace opened = WorkspaceStore.open(workspace)) {
            kcwb.app.service.train.RunLiveness.markInterrupted(opened); // runs whose process died show as interrupted
            return work.apply(opened);
        } catch (StorageException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    /** Prints {@code summary} as JSON with --json, otherwise as "key: value" lines. */
    void print(PrintWriter out, Map<String, ?> summary) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(summary));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            summary.forEach((key, value) -> out.println(key + ": " + value));
        }
        out.flush();
    }
}
