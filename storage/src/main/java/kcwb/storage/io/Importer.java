package kcwb.storage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import kcwb.storage.item.ImportBatchRepository;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;

/**
 * Imports one file into a project as ONE transaction: a kill -9 at any point leaves the workspace
 * exactly as before (SQLite rolls the open transaction back on the next open). The batch record,
 * the items (with the labels they came with), the split and the rejected-row list commit together.
 */
public final class Importer {
    private static final int PROGRESS_EVERY = 10_000;
    private final LongConsumer progress;

    public Importer() {
        this(rows -> { });
    }

    /** {@code progress} receives the number of rows read so far, every 10,000 rows. */
    public Importer(LongConsumer progress) {
        this.progress = progress;
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
                bigCache(workspace, true);
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
            workspace.call(() -> {
                foreignKeys(workspace, checkedKeys);
                return bigCache(workspace, false);
            });
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

    /**
     * An import's dirty pages stay in SQLite's page cache until its commit (~130 MB per million rows);
     * with the default cache SQLite spills them to the WAL mid-transaction, and pages still being
     * filled (the last leaf, the interior pages above it) are written more than once. The page cache
     * is native memory, not Java heap, so raising it for the import does not count against -Xmx.
     */
    private static Void bigCache(Workspace workspace, boolean big) throws java.sql.SQLException {
        try (java.sql.Statement statement = workspace.connection().createStatement()) {
            statement.execute("PRAGMA cache_size = " + (big ? -262_144 : -32_768));
        }
        return null;
    }

    private void importRows(Workspace workspace, Project project, Path file, ImportOptions options, ImportReport report)
            throws java.sql.SQLException {
        ImportBatchRepository batches = workspace.importBatches();
        long batchId = batches.start(project.id(), file.toString(), null, optionsJson(options));
        report.batchId(batchId);
        Set<String> knownLabels = new HashSet<>(workspace.labels().names(project.id()));
        long firstId;
        MessageDigest fileDigest = sha256Digest();
        // The file's SHA-256 is taken by the reader thread as it reads, not in a pass of its own.
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), fileDigest);
                ImportWriter writer = new ImportWriter(workspace, project.id(), batchId, file.getFileName().toString(),
                        options.annotator());
                RowPrefetcher rows = new RowPrefetcher(RowReaders.open(file, in, options), file.getFileName().toString())) {
            firstId = writer.firstId();
            if (options.dedupe()) {
                writer.enableDedupe();
            }
            RowPrefetcher.HashedRow hashed;
            while ((hashed = rows.next()) != null) {
                ParsedRow row = hashed.row();
                report.countRead();
                if (report.rowsRead() % PROGRESS_EVERY == 0) {
                    progress.accept(report.rowsRead());
                }
                String problem = switch (row) {
                    case ParsedRow.Rejected rejected -> rejected.reason();
                    case ParsedRow.Good good -> importRow(workspace, project, writer, good, hashed, options, knownLabels,
                            report);
                };
                if (problem != null) {
                    report.reject(row.line(), problem);
                    if (report.rejected() <= ImportReport.MAX_LISTED) {
                        batches.addError(batchId, row.line(), problem);
                    }
                }
            }
            writer.finish();
            in.transferTo(java.io.OutputStream.nullOutputStream()); // a reader that stopped early: digest the rest
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

    /** Imports one good row; returns the reason when it must be rejected, null otherwise. */
    private String importRow(Workspace workspace, Project project, ImportWriter writer, ParsedRow.Good row,
            RowPrefetcher.HashedRow hashed, ImportOptions options, Set<String> knownLabels, ImportReport report)
            throws java.sql.SQLException {
        String text = row.text();
        if (text.isBlank()) {
            return "empty text";
        }
        List<String> labels = row.labels();
        if (labels.size() > 1 && project.taskType() == TaskType.SINGLE_LABEL) {
            return "several labels " + labels + " for a single-label project";
        }
        for (String label : labels) {
            if (!knownLabels.contains(label)) {
                if (!options.createLabels()) {
                    report.unknownLabel(label);
                    return "unknown label '" + label + "' (not in the project; import with --create-labels to add it)";
                }
                workspace.labels().add(project.id(), label);
                knownLabels.add(label);
                report.createdLabel(label);
            }
        }
        if (options.minTextLength() > 0 && text.codePointCount(0, text.length()) < options.minTextLength()) {
            report.countTooShort();
            return null;
        }
        long hash = hashed.contentHash();
        if (options.dedupe() && writer.isDuplicate(text, hash)) {
            report.countDuplicate();
            return null;
        }
        writer.add(text, hashed.utf8(), hash, row.line(), row.metadataJson(), labels);
        report.countImported(!labels.isEmpty());
        return null;
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
