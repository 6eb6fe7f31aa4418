package kcwb.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kcwb.app.service.ImportService;
import kcwb.storage.StorageException;
import kcwb.storage.io.ImportFormat;
import kcwb.storage.io.ImportOptions;
import kcwb.storage.io.ImportOptions.BadRowMode;
import kcwb.storage.io.ImportReport;
import kcwb.storage.io.SplitSpec;
import kcwb.storage.project.TaskType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kcwb import}: one file into a project, in one transaction. */
@Command(mixinStandardHelpOptions = true, name = "import", description = "Import comments (and labels) from CSV, TSV, JSONL, plain text, BEEP! TSV or text|label files.")
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions options;
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;
    @Option(names = "--project", required = true, description = "Project to import into (created when missing).")
    String project;
    @Option(names = "--task", defaultValue = "single_label", description = "Task type if the project is created (default ${DEFAULT-VALUE}).")
    String task;
    @Option(names = "--format", required = true, description = "csv, tsv, jsonl, text, beep or pipe (text|label, split on the last '|').")
    String format;
    @Option(names = "--header", description = "CSV/TSV: the first line is a header.")
    Boolean header;
    @Option(names = "--text-column", description = "Column name or 0-based index (JSONL: field) holding the text.")
    String textColumn;
    @Option(names = "--label-column", description = "Column name or 0-based index (JSONL: field) holding the label.")
    String labelColumn;
    @Option(names = "--no-labels", description = "The file has no label column.")
    boolean noLabels;
    @Option(names = "--no-quotes", description = "CSV/TSV: treat '\"' as an ordinary character.")
    boolean noQuotes;
    @Option(names = "--annotator", defaultValue = "import", description = "Annotator name for the file's labels (default ${DEFAULT-VALUE}).")
    String annotator;
    @Option(names = "--on-bad-rows", defaultValue = "skip", description = "skip (import the rest, report the bad rows) or abort (write nothing).")
    String onBadRows;
    @Option(names = "--report", paramLabel = "PATH", description = "Write the rejected rows (file, line, reason) to this TSV file.")
    Path report;
    @Option(names = "--create-labels", description = "Add labels the file uses that the project lacks.")
    boolean createLabels;
    @Option(names = "--dedupe", description = "Skip texts already in the project or earlier in the file.")
    boolean dedupe;
    @Option(names = "--min-length", defaultValue = "0", description = "Drop texts shorter than N characters.")
    int minLength;
    @Option(names = "--split", paramLabel = "TRAIN,DEV,TEST", description = "Stratified split fractions, e.g. 0.8,0.1,0.1.")
    String split;
    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--max-line-bytes", defaultValue = "1048576", description = "Reject lines longer than this (default ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Override
    public Integer call() {
        ImportOptions importOptions = importOptions();
        PrintWriter err = spec.commandLine().getErr();
        ImportReport result = options.withWorkspace(workspace -> ImportService.importFile(workspace, project,
                TaskType.fromKey(task), file, importOptions, rows -> { }));
        if (report != null) {
            try {
                result.writeProblems(report);
            } catch (IOException e) {
                throw new UserFacingException(report + ": cannot write the error report: " + e.getMessage(), e);
            }
        }
        options.print(spec.commandLine().getOut(), result.summary());
        if (!result.unknownLabels().isEmpty()) {
            err.println("kcwb: labels not in the project: " + result.unknownLabels().keySet()
                    + "; re-run with --create-labels to add them");
        }
        if (result.aborted()) {
            throw new UserFacingException(result.problems().getFirst() + " (" + result.rejected()
                    + " bad rows; --on-bad-rows abort: nothing was imported)");
        }
        if (result.rejected() > 0) {
            err.println("kcwb: " + result.rejected() + " rows rejected, first: " + result.problems().getFirst());
        }
        err.flush();
        return 0;
    }

    private ImportOptions importOptions() {
        try {
            ImportOptions.Builder builder = ImportOptions.builder(ImportFormat.fromKey(format))
                    .optAnnotator(annotator).optCreateLabels(createLabels).optDedupe(dedupe).optMinTextLength(minLength)
                    .optMaxLineBytes(maxLineBytes).optQuoting(!noQuotes)
                    .optBadRowMode(BadRowMode.valueOf(onBadRows.toUpperCase(java.util.Locale.ROOT)));
            if (header != null) {
                builder.optHeader(header);
            }
            if (textColumn != null) {
                builder.optTextColumn(textColumn);
            }
            if (labelColumn != null) {
                builder.optLabelColumn(labelColumn);
            }
            if (noLabels) {
                builder.optLabelColumn(null);
            }
            if (split != null) {
                builder.optSplit(SplitSpec.parse(split, seed));
            }
            return builder.build();
        } catch (IllegalArgumentException | StorageException e) {
            throw new UserFacingException("import " + file + ": " + e.getMessage(), e);
        }
    }
}
