package kcwb.storage.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void itemsKeepTextExactlyAndPageByKeyset() {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("w.kcwb"))) {
            Project project = workspace.projects().create("p", TaskType.MULTI_LABEL);
            String odd = "  앞뒤 공백\t탭 \"따옴표\" 😀 ㅋㅋ  ";
            long id = workspace.items().insert(project.id(), new NewItem(odd, "f.tsv", 7L, null, Split.DEV, "{\"k\":1}"));
            for (int i = 0; i < 5; i++) {
                workspace.items().insert(project.id(), NewItem.of("item " + i));
            }
            Item item = workspace.items().get(id).orElseThrow();
            assertEquals(odd, item.text());
            assertEquals(7L, item.sourceLine());
            assertEquals(Split.DEV, item.split());
            assertEquals(ContentHash.of(odd), item.contentHash());
            assertEquals(3, workspace.items().page(project.id(), id, 3).size());
            assertEquals(6, workspace.items().count(project.id()));
            assertEquals(1, workspace.items().countInSplit(project.id(), Split.DEV));
            assertEquals(id, workspace.items().findDuplicate(project.id(), odd).orElseThrow());
            assertTrue(workspace.items().findDuplicate(project.id(), odd.strip()).isEmpty());
        }
    }

    @Test
    void nextUnlabeledUsesThePartialIndex() throws Exception {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("w.kcwb"));
                Statement statement = workspace.connection().createStatement();
                ResultSet plan = statement.executeQuery("EXPLAIN QUERY PLAN SELECT id FROM items"
                        + " WHERE project_id = 1 AND annotation_count = 0 AND id > 5 ORDER BY id LIMIT 1")) {
            StringBuilder text = new StringBuilder();
            while (plan.next()) {
                text.append(plan.getString(4));
            }
            assertTrue(text.toString().contains("items_unlabeled"), text.toString());
        }
    }
}
