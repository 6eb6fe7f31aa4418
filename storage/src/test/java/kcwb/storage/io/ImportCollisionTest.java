package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;
import kcwb.storage.item.Item;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A content hash that collides all the time (the byte length), so the path that practically never runs with
 * SHA-256 runs on every row: texts that share a hash but differ are all imported, exact repeats are not.
 */
class ImportCollisionTest {
    private static final ToLongFunction<byte[]> BY_LENGTH = utf8 -> utf8.length;

    @TempDir
    Path dir;

    @Test
    void textsWithTheSameHashAreComparedNotMerged() throws Exception {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("w.kcwb"))) {
            Project project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
            Path first = dir.resolve("first.tsv");
            Files.writeString(first, "가나\tl\n");
            importFile(workspace, project, first);
            // "다라" collides with the stored "가나" and with nothing else; "마바" and "사아" collide with both and
            // repeat; "가나" repeats the stored item; "하하하" is the only text of its length.
            Path second = dir.resolve("second.tsv");
            Files.writeString(second, "다라\tl\n가나\tl\n마바\tl\n하하하\tl\n마바\tl\n사아\tl\n다라\tl\n사아\tl\n");
            ImportReport report = importFile(workspace, project, second);
            assertEquals(4, report.imported());
            assertEquals(4, report.duplicates());
            List<Item> items = workspace.items().page(project.id(), 0, 100);
            assertEquals(List.of("가나", "하하하", "다라", "마바", "사아"), items.stream().map(Item::text).toList());
            List<Long> ids = items.stream().map(Item::id).toList();
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids); // collisions go after the last row, ids stay contiguous
            assertEquals(List.of(1L, 4L, 1L, 3L, 6L), items.stream().map(Item::sourceLine).toList());
            assertEquals(List.of("ok"), workspace.integrityCheck());
        }
    }

    private static ImportReport importFile(Workspace workspace, Project project, Path file) {
        return new Importer(rows -> { }, BY_LENGTH).run(workspace, project, file,
                ImportOptions.builder(ImportFormat.TSV).optLabelColumn("1").optCreateLabels(true).optDedupe(true).build());
    }
}
