package kcwb.storage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;
import kcwb.storage.item.ImportBatchRepository;
import kcwb.storage.project.Project;
import kcwb.storage.item.ContentHash;
import kcwb.storage.workspace.Workspace;

/**
 * Imports one file into a project as ONE transaction: a kill -9 at any point leaves the workspace
 * exactly as before (SQLite rolls the open transaction back on the next open). The batch record,
 * the items (with the labels they came with), the split and the rejected-row list commit together.
 */
public final class Importer {
    private static final int PROGRESS_EVERY = 10_000;
    /** A comment of ~40 Hangul syllables and a label: sizes the dedupe map from the file's size. */
    private static final int TYPICAL_ROW_BYTES = 100;
    private final LongConsumer progress;
    private final ToLongFunction<byte[]> contentHash;

    public Importer() {
        this(rows -> { });
    }

    /** {@code progress} receives the number of rows read so far, every 10,000 rows. */
    public Importer(LongConsumer progress) {
        this(progress, ContentHash::ofUtf8);
    }

    /** With another content hash: tests pass a weak one to make hash collisions happen. */
    Importer(LongConsumer progress, ToLongFunction<byte[]> contentHash) {
        this.progress = progress;
        this.contentHash = contentHash;
    }

    /** Thrown inside the transaction to roll it back when abort mode met a bad row. */
    private static final class AbortImport extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbortImport() {
            super(null, null, false, false);
        }
    }

    public ImportReport run(Workspace workspace, Project project, Path file, ImportOptions options) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ImportException(file + ": no such readable file");
        }
        ImportReport report = new ImportReport(file.toString());
        boolean checkedKeys = workspace.call(() -> foreignKeys(workspace, false));
        try {
            workspace.inTransaction(() -> {
                importRows(workspace, project, file, options, report);
                if (options.badRowMode() == ImportOptions.BadRowMode.ABORT && report.rejected() > 0) {
                    throw new AbortImport();
                }
                return null;
            });
            report.committed(true);
            checkpoint(workspace);
        } catch (AbortImport e) {
            report.aborted(true);
        } finally {
            workspace.call(() -> foreignKeys(workspace, checkedKeys));
        }
        return report;
    }

    /**
     * Switches foreign-key checks for this connection; returns whether they were on. An import writes
     * items that reference only the project and the batch it has just checked and created, yet SQLite
     * would look both parents up again for each of a million rows. The pragma works only outside a
     * transaction (inside an outer one it is a no-op and the checks simply stay on).
     */
    private static boolean foreignKeys(Workspace workspace, boolean on) throws java.sql.SQLException {
        try (java.sql.Statement statement = workspace.connection().createStatement()) {
            boolean was;
            try (java.sql.ResultSet rows = statement.executeQuery("PRAGMA foreign_keys")) {
                was = rows.next() && rows.getInt(1) == 1;
            }
            statement.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
            return was;
        }
    }

    /**
     * Copies the import's WAL frames into the database file now, as the import's last step, instead
     * of leaving hundreds of megabytes to the background checkpointer while the user starts
     * labeling (its I/O would stall the first label saves). PASSIVE: never waits for readers.
     */
    private static void checkpoint(Workspace workspace) {
        workspace.call(() -> {
            try (java.sql.Statement statement = workspace.connection().createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
            return null;
        });
    }

    private void importRows(Workspace workspace, Project project, Path file, ImportOptions options, ImportReport report)
            throws java.sql.SQLException {
        ImportBatchRepository batches = workspace.importBatches();
        long batchId = batches.start(project.id(), file.toString(), null, optionsJson(options));
        report.batchId(batchId);
        long firstId;
        MessageDigest fileDigest = sha256Digest();
        // The file's SHA-256 is taken by the reader thread as it reads, not in a pass of its own.
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), fileDigest);
                ImportWriter writer = new ImportWriter(workspace, project.id(), batchId, file.getFileName().toString(),
                        options.annotator())) {
            firstId = writer.firstId();
            ImportScreen screen = new ImportScreen(project.taskType(), options, Set.copyOf(workspace.labels().names(project.id())),
                    options.dedupe() ? writer.knownHashes(Files.size(file) / TYPICAL_ROW_BYTES) : null, firstId, contentHash);
            try (RowPrefetcher<ScreenedRow> steps = new RowPrefetcher<>(RowReaders.open(file, in, options), screen::screen,
                    file.getFileName().toString())) {
                ScreenedRow step;
                while ((step = steps.next()) != null) {
                    apply(step, workspace, project, writer, batchId, report);
                }
                writer.finish();
                in.transferTo(java.io.OutputStream.nullOutputStream()); // a reader that stopped early: digest the rest
            }
            report.sha256(HexFormat.of().formatHex(fileDigest.digest()));
            batches.setSha256(batchId, report.sha256());
        } catch (IOException e) {
            throw new ImportException(file + ":" + report.rowsRead() + ": cannot read: " + e.getMessage(), e);
        }
        if (options.split() != null) {
            new SplitAssigner(workspace).assign(batchId, firstId, options.split())
                    .forEach((split, count) -> report.splitCount(split, count));
        }
        batches.finish(batchId, "complete", new ImportBatchRepository.Counts(report.rowsRead(), report.imported(),
                report.rejected(), report.duplicates(), report.tooShort()), null);
    }

    /** Carries out one step the reader thread decided: the database work and the counting. */
    private void apply(ScreenedRow step, Workspace workspace, Project project, ImportWriter writer, long batchId,
            ImportReport report) throws java.sql.SQLException {
        if (step instanceof ScreenedRow.CreateLabel(String name)) {
            workspace.labels().add(project.id(), name);
            report.createdLabel(name);
            return;
        }
        report.countRead();
        if (report.rowsRead() % PROGRESS_EVERY == 0) {
            progress.accept(report.rowsRead());
        }
        switch ((ScreenedRow.Row) step) {
            case ScreenedRow.Insert insert -> {
                writer.add(insert.text(), insert.row());
                report.countImported(insert.row().labelsJson() != null);
            }
            case ScreenedRow.PossibleDuplicate possible -> {
                if (writer.isDuplicate(possible)) {
                    report.countDuplicate();
                } else {
                    report.countImported(possible.row().labelsJson() != null);
                }
            }
            case ScreenedRow.TooShort _ -> report.countTooShort();
            case ScreenedRow.Rejected rejected -> {
                if (rejected.unknownLabel() != null) {
                    report.unknownLabel(rejected.unknownLabel());
                }
                report.reject(rejected.line(), rejected.reason());
                if (report.rejected() <= ImportReport.MAX_LISTED) {
                    workspace.importBatches().addError(batchId, rejected.line(), rejected.reason());
                }
            }
        }
    }

    private static String optionsJson(ImportOptions options) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", options.format().key());
        json.put("header", options.hasHeader());
        json.put("textColumn", options.textColumn());
        json.put("labelColumn", options.labelColumn());
        json.put("annotator", options.annotator());
        json.put("badRows", options.badRowMode().name().toLowerCase(java.util.Locale.ROOT));
        json.put("createLabels", options.createLabels());
        json.put("dedupe", options.dedupe());
        json.put("minTextLength", options.minTextLength());
        json.put("split", options.split());
        return Json.write(json);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
