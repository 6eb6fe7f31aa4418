package kcwb.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import kcwb.app.service.CommentGenerator;
import kcwb.app.service.ImportBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kcwb bench text|import|label|load|train}: benchmarks that print numbers and ratios against a peer in the same run. */
@Command(name = "bench", description = "Benchmarks (print numbers; see docs/benchmarks.md).",
        mixinStandardHelpOptions = true,
        subcommands = {BenchTextCommand.class, BenchCommand.ImportBench.class, BenchCommand.LabelBench.class,
            BenchLoadCommand.class, BenchTrainCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Options shared by the storage benchmarks: the input TSV (generated when absent) and a scratch folder. */
    static class Input {
        @Option(names = "--file", description = "TSV to import (text TAB label); generated when absent.")
        Path file;
        @Option(names = "--rows", defaultValue = "1000000", description = "Rows to generate (default ${DEFAULT-VALUE}).")
        long rows;
        @Option(names = "--dir", description = "Scratch folder (default: a temp folder).")
        Path dir;
        @Option(names = "--json", description = "Print a JSON summary.")
        boolean json;

        Path scratch() throws java.io.IOException {
            return dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("kcwb-bench");
        }

        Path tsv(Path scratch, java.io.PrintWriter out) throws java.io.IOException {
            if (file != null) {
                return file;
            }
            Path generated = scratch.resolve("comments-" + rows + ".tsv");
            if (!Files.exists(generated)) {
                out.println("generating " + rows + " rows into " + generated + " ...");
                out.flush();
                CommentGenerator.write(generated, rows, 42);
            }
            return generated;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "import", description = "Import a 1M-row TSV (validation + dedupe on) and the same file with the sqlite3 CLI; print rows/s and the ratio.")
    static final class ImportBench implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        Input input = new Input();
        @Option(names = "--sqlite3", defaultValue = "sqlite3", description = "The sqlite3 CLI (default ${DEFAULT-VALUE}).")
        String sqlite3;

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            Path scratch = input.scratch();
            Path tsv = input.tsv(scratch, out);
            ImportBenchmark.ImportResult result;
            try {
                result = ImportBenchmark.importBench(tsv, scratch, sqlite3);
            } catch (java.io.IOException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("file", tsv.toString());
            summary.put("fileBytes", Files.size(tsv));
            summary.put("rows", result.rows());
            summary.put("imported", result.imported());
            summary.put("duplicates", result.duplicates());
            summary.put("kcwbSeconds", round(result.appSeconds()));
            summary.put("kcwbRowsPerSecond", Math.round(result.appRowsPerSecond()));
            summary.put("sqlite3Seconds", round(result.sqliteSeconds()));
            summary.put("sqlite3RowsPerSecond", Math.round(result.sqliteRowsPerSecond()));
            summary.put("ratio", round(result.ratio()));
            summary.put("kcwbCpuSeconds", round(result.appCpuSeconds()));
            summary.put("kcwbImportThreadCpuSeconds", round(result.importThreadCpuSeconds()));
            summary.put("sqlite3CpuSeconds", round(result.sqliteCpuSeconds()));
            summary.put("cpuRatio", round(result.cpuRatio()));
            summary.put("peakHeapMiB", result.peakHeapBytes() >> 20);
            summary.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
            print(out, summary, input.json);
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "label", description = "Time next-unlabeled + save-label on a big project; print p50/p99/p999 and the share of outliers.")
    static final class LabelBench implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        Input input = new Input();
        @Option(names = "--samples", defaultValue = "5000", description = "Label saves to time (default ${DEFAULT-VALUE}).")
        int samples;

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            Path scratch = input.scratch();
            Path tsv = input.tsv(scratch, out);
            ImportBenchmark.LabelResult result = ImportBenchmark.labelBench(tsv, scratch, samples);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("items", result.items());
            summary.put("samples", result.samples());
            put(summary, "nextUnlabeled", result.next());
            put(summary, "saveLabel", result.save());
            put(summary, "noiseFloorSelect1", result.select1());
            put(summary, "noiseFloorEmptyTransaction", result.emptyTx());
            put(summary, "noiseFloorCpuWorkOfMedianSaveLength", result.cpu());
            print(out, summary, input.json);
            return 0;
        }
    }

    /** p50/p99/p999/max in ms and the share of samples over 1 ms and 2 ms (percent), under {@code prefix}. */
    private static void put(Map<String, Object> summary, String prefix, ImportBenchmark.Latency latency) {
        summary.put(prefix + "P50Ms", round(latency.p50()));
        summary.put(prefix + "P99Ms", round(latency.p99()));
        summary.put(prefix + "P999Ms", round(latency.p999()));
        summary.put(prefix + "MaxMs", round(latency.max()));
        summary.put(prefix + "Over1MsPercent", round(latency.shareOver1Ms() * 100));
        summary.put(prefix + "Over2MsPercent", round(latency.shareOver2Ms() * 100));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void print(java.io.PrintWriter out, Map<String, Object> summary, boolean json) throws Exception {
        if (json) {
            out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        } else {
            summary.forEach((key, value) -> out.println(key + ": " + value));
        }
        out.flush();
    }
}
