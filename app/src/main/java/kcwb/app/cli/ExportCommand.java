package kcwb.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import kcwb.storage.annotation.FinalLabelPolicy;
import kcwb.storage.io.HfDatasetExporter;
import kcwb.storage.io.ImportErrorsExporter;
import kcwb.storage.io.ItemExporter;
import kcwb.storage.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kcwb export}: items with final labels (JSONL, CSV), a Hugging Face dataset folder, or the import errors. */
@Command(mixinStandardHelpOptions = true, name = "export", description = "Export a project's items and labels (jsonl, csv, hf) or its import error report (errors).")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions options;
    @Option(names = "--project", required = true)
    String project;
    @Option(names = "--format", required = true, description = "jsonl, csv, hf (folder) or errors (TSV).")
    String format;
    @Option(names = "--out", required = true, paramLabel = "PATH", description = "Output file (hf: folder).")
    Path out;
    @Option(names = "--final", defaultValue = "majority", description = "majority or adjudicated (default ${DEFAULT-VALUE}).")
    String finalMode;
    @Option(names = "--adjudicator", description = "With --final adjudicated: whose labels win.")
    String adjudicator;
    @Option(names = "--per-annotator", description = "jsonl/csv: include every annotator's labels.")
    boolean perAnnotator;
    @Option(names = "--batch", description = "errors: only this import batch id.")
    Long batch;

    @Override
    public Integer call() {
        FinalLabelPolicy policy = policy();
        Map<String, Object> summary = options.withWorkspace(workspace -> {
            Project selected = workspace.projects().require(project);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("project", selected.name());
            result.put("format", format);
            result.put("out", out.toString());
            try {
                switch (format) {
                    case "jsonl" -> result.put("items", new ItemExporter(workspace).writeJsonl(selected, policy, perAnnotator, out));
                    case "csv" -> result.put("items", new ItemExporter(workspace).writeCsv(selected, policy, perAnnotator, out));
                    case "hf" -> {
                        HfDatasetExporter.Summary hf = new HfDatasetExporter(workspace).write(selected, policy, out);
                        result.put("rowsPerSplit", hf.rowsPerSplit());
                        result.put("rowsPerLabel", hf.rowsPerLabel());
                        result.put("sha256", hf.sha256());
                    }
                    case "errors" -> result.put("errors", new ImportErrorsExporter(workspace).write(selected, batch, out));
                    default -> throw new UserFacingException("unknown export format '" + format + "' (jsonl, csv, hf, errors)");
                }
            } catch (IOException e) {
                throw new UserFacingException(out + ": cannot write: " + e.getMessage(), e);
            }
            return result;
        });
        options.print(spec.commandLine().getOut(), summary);
        return 0;
    }

    private FinalLabelPolicy policy() {
        return switch (finalMode) {
            case "majority" -> FinalLabelPolicy.majority();
            case "adjudicated" -> {
                if (adjudicator == null) {
                    throw new UserFacingException("--final adjudicated needs --adjudicator NAME");
                }
                yield FinalLabelPolicy.adjudicatedBy(adjudicator);
            }
            default -> throw new UserFacingException("unknown --final '" + finalMode + "' (majority or adjudicated)");
        };
    }
}
