package kcwb.app.gui.label;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.CommentGenerator;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.io.ImportFormat;
import kcwb.storage.io.ImportOptions;
import kcwb.storage.io.Importer;
import kcwb.storage.item.ItemFilter;
import kcwb.storage.item.ItemSearch;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;

/**
 * Keystroke-to-next-item latency on a big project: presses label keys on a {@link LabelViewModel} (the real one,
 * with the real workspace session thread) and times each press until the next item's state is ready to draw.
 * Drawing itself (one TextFlow) is not included. Also times the item table's filter and page queries.
 * <pre>java -cp app/target/kcwb-app.jar kcwb.app.gui.label.LabelLatencyBench [--rows 1000000] [--samples 2000] [--dir D]</pre>
 * The generated TSV and workspace are kept in D (default /tmp/kcwb-label-bench) and reused by later runs.
 */
public final class LabelLatencyBench {
    private LabelLatencyBench() {}

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        int samples = 2_000;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "kcwb-label-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: LabelLatencyBench [--rows N] [--samples N] [--dir DIR]");
            }
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("label-ui-" + rows + ".kcwb");
        if (!Files.exists(file)) {
            create(file, dir.resolve("comments-" + rows + ".tsv"), rows);
        }
        try (WorkspaceSession session = new WorkspaceSession()) {
            session.open(file);
            String annotator = "bench-" + System.currentTimeMillis(); // a fresh annotator per run
            LabelViewModel viewModel = new LabelViewModel(I18n.of(Locale.ENGLISH), new DirectTaskRunner(), session,
                    new SimpleStringProperty(annotator));
            viewModel.preview().enabledProperty().set(false);
            viewModel.load();
            long items = viewModel.totalProperty().get();
            viewModel.jumpTo(session.call(w -> new ItemSearch(w).next(viewModel.projectProperty().get().project().id(),
                    items / 2).orElseThrow().id()));
            long[] press = time(samples, i -> viewModel.pressLabel(i % 3));
            long[] undo = time(Math.min(samples, 200), i -> viewModel.undo());
            viewModel.preview().enabledProperty().set(true);
            long[] withPreview = time(Math.min(samples, 500), i -> viewModel.pressLabel(i % 3));
            long projectId = viewModel.projectProperty().get().project().id();
            long t0 = System.nanoTime();
            long[] ids = session.call(w -> new ItemSearch(w).ids(ItemFilter.all(projectId)));
            double allIdsMs = (System.nanoTime() - t0) / 1e6;
            long[] page = time(200, i -> session.call(w -> new ItemSearch(w).rows(
                    Arrays.copyOfRange(ids, stride(ids, i), stride(ids, i) + 100))));
            t0 = System.nanoTime();
            long[] unlabeledIds = session.call(w -> new ItemSearch(w).ids(ItemFilter.all(projectId).withUnlabeledOnly(true)));
            double unlabeledMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "items: %d%n", items);
            print("keystroke-to-next-item (label + save + next unlabeled + item state)", press);
            print("undo (storage history + show the item)", undo);
            print("keystroke-to-next-item with the KcELECTRA preview computed inline", withPreview);
            print("item table: one page of 100 rows", page);
            System.out.printf(Locale.ROOT, "item table: all %d ids in %.1f ms; %d unlabeled ids in %.1f ms%n",
                    ids.length, allIdsMs, unlabeledIds.length, unlabeledMs);
        }
    }

    /** Start of the i-th of 200 pages spread over the whole table. */
    private static int stride(long[] ids, int i) {
        return (int) ((long) i * Math.max(0, ids.length - 100) / 200);
    }

    private interface Action {
        void run(int i);
    }

    private static long[] time(int samples, Action action) {
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            action.run(i);
            nanos[i] = System.nanoTime() - t0;
        }
        return nanos;
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n", what, sorted.length,
                percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    private static void create(Path file, Path tsv, long rows) throws Exception {
        if (!Files.exists(tsv)) {
            System.out.println("generating " + rows + " comments into " + tsv);
            CommentGenerator.write(tsv, rows, 42);
        }
        System.out.println("importing into " + file);
        try (Workspace workspace = kcwb.storage.workspace.WorkspaceStore.create(file)) {
            Project project = workspace.projects().create("bench", TaskType.SINGLE_LABEL);
            List.of("hate", "offensive", "none").forEach(label -> workspace.labels().add(project.id(), label));
            new Importer().run(workspace, project, tsv, ImportOptions.builder(ImportFormat.TSV).optTextColumn("0")
                    .optLabelColumn(null).optQuoting(false).build());
        }
    }
}
