package kcwb.storage.item;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.run.Prediction;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemSearchTest {
    @TempDir
    Path dir;

    @Test
    void filtersCombineAndUncertaintyOrdersMostUncertainFirst() {
        try (Workspace workspace = WorkspaceStore.create(dir.resolve("w.kcwb"))) {
            Project project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
            workspace.labels().add(project.id(), "hate");
            workspace.labels().add(project.id(), "none");
            long a = workspace.items().insert(project.id(), new NewItem("나쁜 말 ㅋㅋ", null, null, null, Split.TRAIN, null));
            long b = workspace.items().insert(project.id(), new NewItem("좋은 말", null, null, null, Split.DEV, null));
            long c = workspace.items().insert(project.id(), new NewItem("그냥 말", null, null, null, Split.TRAIN, null));
            long d = workspace.items().insert(project.id(), NewItem.of("아직 아무도"));
            workspace.annotations().save(a, "minji", List.of("hate"), null);
            workspace.annotations().save(a, "jisoo", List.of("none"), null);
            workspace.annotations().save(b, "minji", List.of("none"), null);
            workspace.annotations().save(c, "jisoo", List.of("none"), null);
            workspace.annotations().save(c, "minji", List.of("none"), null);
            workspace.predictions().insertAll(List.of(
                    new Prediction(0, null, b, "m", "none", "{}", 0.9),
                    new Prediction(0, null, c, "m", "none", "{}", 0.1),
                    new Prediction(0, null, a, "m", "hate", "{}", 0.5)));
            ItemSearch search = new ItemSearch(workspace);
            ItemFilter all = ItemFilter.all(project.id());

            assertArrayEquals(new long[] {a, b, c, d}, search.ids(all));
            assertArrayEquals(new long[] {d}, search.ids(all.withUnlabeledOnly(true)));
            assertArrayEquals(new long[] {a}, search.ids(all.withLabel("hate")));
            assertArrayEquals(new long[] {a, c}, search.ids(all.withAnnotator("jisoo")));
            assertArrayEquals(new long[] {a, c}, search.ids(all.withSplit(Split.TRAIN)));
            assertArrayEquals(new long[] {a}, search.ids(all.withDisagreementOnly(true)));
            assertArrayEquals(new long[] {a}, search.ids(all.withTextContains("ㅋㅋ")));
            assertArrayEquals(new long[] {c}, search.ids(all.withLabel("none").withAnnotator("jisoo").withSplit(Split.TRAIN)
                    .withDisagreementOnly(false).withTextContains("그냥")));
            assertArrayEquals(new long[] {b, a, c, d}, search.ids(all.withByUncertainty(true)));

            List<ItemRow> rows = search.rows(new long[] {d, a});
            assertEquals(2, rows.size());
            assertEquals(d, rows.get(0).item().id());
            assertNull(rows.get(0).prediction());
            assertEquals(2, rows.get(1).annotations().size());
            assertEquals("hate", rows.get(1).prediction().label());

            assertEquals(b, search.previous(project.id(), c).orElseThrow().id());
            assertEquals(c, search.next(project.id(), b).orElseThrow().id());
            assertEquals(true, search.previous(project.id(), a).isEmpty());
        }
    }
}
