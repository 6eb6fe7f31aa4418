package kcwb.app.gui.imports;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kcwb.app.gui.common.BackgroundTask;
import kcwb.app.gui.common.I18n;
import kcwb.app.gui.common.TaskHandle;
import kcwb.app.gui.common.TaskRunner;
import kcwb.app.service.ImportService;
import kcwb.app.service.LabelingService;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.io.ImportFormat;
import kcwb.storage.io.ImportOptions;
import kcwb.storage.io.ImportProblem;
import kcwb.storage.io.ImportReport;
import kcwb.storage.io.SplitSpec;
import kcwb.storage.project.TaskType;

/**
 * The import dialog: file, a preview of its first lines, format and columns, options, then the import in the
 * background (one transaction: cancel or abort leaves the workspace as it was) and the rejected rows.
 */
public final class ImportViewModel {
    public static final int PREVIEW_LINES = 8;
    /** Project created when the workspace has none yet. */
    public static final String DEFAULT_PROJECT = "Project";

    private final I18n i18n;
    private final TaskRunner taskRunner;
    private final WorkspaceSession session;
    private final Runnable onImported;
    private final Supplier<Long> currentProjectId;

    private final StringProperty file = new SimpleStringProperty("");
    private final ObjectProperty<ImportFormat> format = new SimpleObjectProperty<>(ImportFormat.TSV);
    private final BooleanProperty header = new SimpleBooleanProperty(false);
    private final StringProperty textColumn = new SimpleStringProperty("0");
    private final StringProperty labelColumn = new SimpleStringProperty("1");
    private final BooleanProperty dedupe = new SimpleBooleanProperty(true);
    private final IntegerProperty minLength = new SimpleIntegerProperty(0);
    private final BooleanProperty split = new SimpleBooleanProperty(false);
    private final BooleanProperty createLabels = new SimpleBooleanProperty(true);
    private final BooleanProperty skipBadRows = new SimpleBooleanProperty(true);
    private final ObservableList<String> preview = FXCollections.observableArrayList();
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private ImportReport report;
    private TaskHandle handle;

    public ImportViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session, Runnable onImported) {
        this(i18n, taskRunner, session, onImported, () -> null);
    }

    /** {@code currentProjectId} names the project imports go into (null: the workspace's first project). */
    public ImportViewModel(I18n i18n, TaskRunner taskRunner, WorkspaceSession session, Runnable onImported,
            Supplier<Long> currentProjectId) {
        this.currentProjectId = Objects.requireNonNull(currentProjectId);
        this.i18n = Objects.requireNonNull(i18n);
        this.taskRunner = Objects.requireNonNull(taskRunner);
        this.session = Objects.requireNonNull(session);
        this.onImported = Objects.requireNonNull(onImported);
    }

    /** Reads the first lines of the chosen file for the preview (in the background). */
    public void loadPreview() {
        Path path = Path.of(file.get().strip());
        taskRunner.submit(BackgroundTask.of(i18n.get("task.import.preview"), work -> firstLines(path))
                .onSuccess(preview::setAll)
                .onFailure(error -> summary.set(i18n.get("import.cannotRead", path, error.getMessage()))));
    }

    static List<String> firstLines(Path path) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while (lines.size() < PREVIEW_LINES && (line = reader.readLine()) != null) {
                lines.add(line.length() > 200 ? line.substring(0, 200) + "…" : line);
            }
        }
        return lines;
    }

    ImportOptions options() {
        ImportOptions.Builder builder = ImportOptions.builder(format.get()).optHeader(header.get())
                .optDedupe(dedupe.get()).optMinTextLength(minLength.get()).optCreateLabels(createLabels.get())
                .optBadRowMode(skipBadRows.get() ? ImportOptions.BadRowMode.SKIP : ImportOptions.BadRowMode.ABORT);
        if (format.get() != ImportFormat.TEXT && !textColumn.get().isBlank()) {
            builder.optTextColumn(textColumn.get().strip());
        }
        builder.optLabelColumn(labelColumn.get() == null || labelColumn.get().isBlank() ? null : labelColumn.get().strip());
        if (split.get()) {
            builder.optSplit(new SplitSpec(0.8, 0.1, 0.1, 42));
        }
        return builder.build();
    }

    /** Imports into the current project (the first one when none is chosen; created when there is none). */
    public void runImport(String annotator) {
        Path path = Path.of(file.get().strip());
        ImportOptions options = options();
        problems.clear();
        report = null;
        running.set(true);
        progress.set(-1);
        summary.set(i18n.get("import.running"));
        Long projectId = currentProjectId.get();
        handle = taskRunner.submit(BackgroundTask.of(i18n.get("task.import", path.getFileName()), work -> session.call(ws -> {
            if (work.isCancelled()) {
                throw new CancellationException();
            }
            String project = LabelingService.project(ws, projectId).map(p -> p.project().name()).orElse(DEFAULT_PROJECT);
            return ImportService.importFile(ws, project, TaskType.SINGLE_LABEL, path, withAnnotator(options, annotator), rows -> {
                work.message(i18n.get("import.rowsRead", rows));
                if (work.isCancelled()) {
                    throw new CancellationException(); // rolls the import's transaction back
                }
            });
        })).onSuccess(done -> {
            report = done;
            problems.setAll(done.problems());
            summary.set(i18n.get(done.committed() ? "import.done" : "import.aborted", done.rowsRead(), done.imported(),
                    done.rejected(), done.duplicates(), done.tooShort()));
            if (done.committed()) {
                onImported.run();
            }
        }).onFailure(error -> summary.set(error instanceof CancellationException ? i18n.get("import.cancelled")
                : i18n.get("import.failed", error.getMessage())))
                .onCancelled(() -> summary.set(i18n.get("import.cancelled")))
                .onFinished(() -> {
                    running.set(false);
                    progress.set(0);
                }));
    }

    private static ImportOptions withAnnotator(ImportOptions options, String annotator) {
        return new ImportOptions(options.format(), options.hasHeader(), options.textColumn(), options.labelColumn(),
                options.quoting(), annotator, options.badRowMode(), options.createLabels(), options.dedupe(),
                options.minTextLength(), options.split(), options.maxLineBytes());
    }

    public void cancel() {
        if (handle != null) {
            handle.requestCancel();
        }
    }

    /** Writes the rejected rows (file, line, reason) as TSV. */
    public void saveReport(Path target) {
        ImportReport current = report;
        if (current == null) {
            return;
        }
        taskRunner.submit(BackgroundTask.of(i18n.get("task.import.saveReport"), work -> {
            current.writeProblems(target);
            return target;
        }).onSuccess(saved -> summary.set(i18n.get("import.reportSaved", saved)))
                .onFailure(error -> summary.set(i18n.get("import.failed", error.getMessage()))));
    }

    public StringProperty fileProperty() { return file; }
    public ObjectProperty<ImportFormat> formatProperty() { return format; }
    public BooleanProperty headerProperty() { return header; }
    public StringProperty textColumnProperty() { return textColumn; }
    public StringProperty labelColumnProperty() { return labelColumn; }
    public BooleanProperty dedupeProperty() { return dedupe; }
    public IntegerProperty minLengthProperty() { return minLength; }
    public BooleanProperty splitProperty() { return split; }
    public BooleanProperty createLabelsProperty() { return createLabels; }
    public BooleanProperty skipBadRowsProperty() { return skipBadRows; }
    public ObservableList<String> preview() { return preview; }
    public ObservableList<ImportProblem> problems() { return problems; }
    public StringProperty summaryProperty() { return summary; }
    public DoubleProperty progressProperty() { return progress; }
    public BooleanProperty runningProperty() { return running; }
    public boolean hasReport() { return report != null; }
    public I18n i18n() { return i18n; }
}
