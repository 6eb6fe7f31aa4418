package kcwb.app.gui.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.io.ImportProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportViewModelTest {
    @TempDir
    Path dir;
    private final WorkspaceSession session = new WorkspaceSession();
    private final DirectTaskRunner runner = new DirectTaskRunner();
    private final AtomicInteger imported = new AtomicInteger();
    private ImportViewModel viewModel;
    private Path tsv;

    @BeforeEach
    void setUp() throws Exception {
        session.create(dir.resolve("w.kcwb"));
        tsv = dir.resolve("in.tsv");
        Files.writeString(tsv, "좋은 댓글\tnone\n나쁜 댓글\thate\n\tnone\n세 열\t이나\t있음\n", StandardCharsets.UTF_8);
        viewModel = new ImportViewModel(I18n.of(Locale.ENGLISH), runner, session, imported::incrementAndGet);
        viewModel.fileProperty().set(tsv.toString());
    }

    @AfterEach
    void close() {
        session.close();
    }

    private long items() {
        return session.call(w -> w.projects().list().isEmpty() ? 0L
                : w.items().count(w.projects().list().getFirst().id()));
    }

    @Test
    void previewThenImportCreatesTheProjectAndReportsBadRows() throws Exception {
        viewModel.loadPreview();
        assertEquals(4, viewModel.preview().size());
        viewModel.runImport("minji");
        assertEquals(List.of(3L, 4L), viewModel.problems().stream().map(ImportProblem::line).toList());
        assertEquals("Read 4 rows: 2 imported, 2 rejected, 0 duplicates, 0 too short.", viewModel.summaryProperty().get());
        assertEquals(2, items());
        assertEquals(1, imported.get());
        assertEquals(ImportViewModel.DEFAULT_PROJECT, session.call(w -> w.projects().list().getFirst().name()));
        Path report = dir.resolve("problems.tsv");
        viewModel.saveReport(report);
        assertTrue(Files.readString(report).contains("wrong column count"));
    }

    @Test
    void importsGoIntoTheCurrentProjectNotTheFirst() {
        long second = session.call(w -> {
            w.projects().create("first", kcwb.storage.project.TaskType.SINGLE_LABEL);
            return w.projects().create("second", kcwb.storage.project.TaskType.SINGLE_LABEL).id();
        });
        ImportViewModel intoSecond = new ImportViewModel(I18n.of(Locale.ENGLISH), runner, session,
                imported::incrementAndGet, () -> second);
        intoSecond.fileProperty().set(tsv.toString());
        intoSecond.runImport("minji");
        long inSecond = session.call(w -> w.items().count(second));
        assertEquals(2L, inSecond);
        assertEquals(0L, items(), "the first project stays empty");
    }

    @Test
    void abortModeAndCancelWriteNothing() {
        viewModel.skipBadRowsProperty().set(false);
        viewModel.runImport("minji");
        assertEquals(0, items());
        assertTrue(viewModel.summaryProperty().get().startsWith("Aborted"), viewModel.summaryProperty().get());
        assertEquals(0, imported.get());

        viewModel.skipBadRowsProperty().set(true);
        runner.cancelNextTasks(true);
        viewModel.runImport("minji");
        assertEquals("Cancelled: nothing was imported.", viewModel.summaryProperty().get());
        assertEquals(0, items());
    }

    @Test
    void aMissingFileIsAClearMessage() {
        viewModel.fileProperty().set(dir.resolve("nope.tsv").toString());
        viewModel.runImport("minji");
        assertTrue(viewModel.summaryProperty().get().contains("nope.tsv"), viewModel.summaryProperty().get());
    }
}
