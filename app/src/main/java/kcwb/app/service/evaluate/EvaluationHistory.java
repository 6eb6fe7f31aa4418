package kcwb.app.service.evaluate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import kcwb.storage.workspace.Workspace;

/**
 * The last evaluation of each (project, split), kept in the workspace's own key-value table
 * ({@code workspace_meta}, key {@code evaluate.last.<projectId>.<split>}, one JSON {@link EvaluationSnapshot}).
 * Inside the workspace file it travels with the labels it was measured on, needs no schema change and survives
 * restarts; only the newest evaluation per split is kept, which is all the delta needs. An unreadable entry reads
 * as "no previous evaluation", never as an error.
 */
public final class EvaluationHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvaluationHistory() {}

    static String key(long projectId, EvaluationSplit split) {
        return "evaluate.last." + projectId + "." + split.key();
    }

    public static Optional<EvaluationSnapshot> last(Workspace workspace, long projectId, EvaluationSplit split) {
        return workspace.meta(key(projectId, split)).flatMap(json -> {
            try {
                return Optional.of(JSON.readValue(json, EvaluationSnapshot.class));
            } catch (JacksonException e) {
                return Optional.empty();
            }
        });
    }

    public static void save(Workspace workspace, long projectId, EvaluationSplit split, EvaluationSnapshot snapshot) {
        try {
            workspace.setMeta(key(projectId, split), JSON.writeValueAsString(snapshot));
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write the evaluation snapshot as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
