package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import kcwb.storage.item.Item;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows go out in groups of 50 and a tail, in the order added, whatever the flush points. */
class ItemRowInserterTest {
    @TempDir
    Path dir;

    @Test
    void fullGroupsAndTailsArriveInOrderWithTheirValues() throws Exception {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("w.kcwb"))) {
            Project project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
            long batch = workspace.importBatches().start(project.id(), "f.tsv", null, "{}");
            workspace.inTransaction(() -> {
                try (ItemRowInserter inserter = new ItemRowInserter(workspace.connection(), project.id(), batch)) {
                    int id = 1;
                    for (int flushAfter : new int[] {7, ItemRowInserter.GROUP * 2 + 3, 0, ItemRowInserter.GROUP}) {
                        for (int i = 0; i < flushAfter; i++, id++) {
                            inserter.add(new ItemRowInserter.Row(id, ("댓글 " + id).getBytes(StandardCharsets.UTF_8), id * 31L,
                                    id + 1, id % 3 == 0 ? "{\"k\":" + id + "}" : null, id % 2 == 0 ? "[\"hate\"]" : null));
                        }
                        inserter.flush();
                    }
                }
                return null;
            });
            List<Item> items = workspace.items().page(project.id(), 0, 1_000);
            assertEquals(7 + ItemRowInserter.GROUP * 3 + 3, items.size());
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                long id = i + 1;
                assertEquals(id, item.id());
                assertEquals("댓글 " + id, item.text());
                assertEquals(id * 31L, item.contentHash());
                assertEquals(id + 1, item.sourceLine());
                assertEquals(batch, item.batchId());
                assertEquals(id % 2 == 0 ? 1 : 0, item.annotationCount());
                if (id % 3 == 0) {
                    assertEquals("{\"k\":" + id + "}", item.metadataJson());
                } else {
                    assertNull(item.metadataJson());
                }
            }
        }
    }
}
