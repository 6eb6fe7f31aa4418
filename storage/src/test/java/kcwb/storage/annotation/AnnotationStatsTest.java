package kcwb.storage.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import java.util.List;
import java.util.Map;
import kcwb.storage.item.NewItem;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationStatsTest {
    @TempDir
    Path dir;

    @Test
    void countsPerLabelPerAnnotatorAndEditsPerHour() {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("w.kcwb"))) {
            Project project = workspace.projects().create("p", TaskType.MULTI_LABEL);
            Project other = workspace.projects().create("other", TaskType.SINGLE_LABEL);
            List.of("hate", "none").forEach(label -> workspace.labels().add(project.id(), label));
            workspace.labels().add(other.id(), "hate");
            long a = workspace.items().insert(project.id(), NewItem.of("a"));
            long b = workspace.items().insert(project.id(), NewItem.of("b"));
            long c = workspace.items().insert(other.id(), NewItem.of("c"));
            workspace.annotations().save(a, "minji", List.of("hate", "none"), null);
            workspace.annotations().save(b, "minji", List.of("none"), null);
            workspace.annotations().save(b, "jisoo", List.of("hate"), null);
            workspace.annotations().save(b, "jisoo", List.of("none"), null);
            workspace.annotations().save(c, "jisoo", List.of("hate"), null);
            workspace.annotations().undo(project.id(), "minji");

            AnnotationStats stats = new AnnotationStats(workspace);
            assertEquals(Map.of("none", 2L, "hate", 1L), stats.perLabel(project.id()));
            assertEquals(List.of("none", "hate"), List.copyOf(stats.perLabel(project.id()).keySet()));
            assertEquals(Map.of("jisoo", 1L, "minji", 1L), stats.perAnnotator(project.id()));
            Map<String, Long> perHour = stats.editsPerHour(project.id(), 24);
            assertEquals(4L, perHour.values().stream().mapToLong(Long::longValue).sum(), perHour.toString());
        }
    }
}
