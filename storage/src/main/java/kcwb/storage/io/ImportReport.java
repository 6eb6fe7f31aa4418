package kcwb.storage.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did: counts, every rejected row (the first {@link #MAX_LISTED} are kept, all are
 * counted), labels the file used that the project lacks, labels created, and whether anything was
 * written. Mutable while the import runs; read it after {@link Importer#run} returns.
 */
public final class ImportReport {
    public static final int MAX_LISTED = 10_000;

    private final String file;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<String, Long> unknownLabels = new TreeMap<>();
    private final List<String> createdLabels = new ArrayList<>();
    private long batchId = -1;
    private long rowsRead;
    private long imported;
    private long rejected;
    private long duplicates;
    private long tooShort;
    private long labelled;
    private boolean committed;
    private boolean aborted;
    private String sha256;
    private final Map<String, Long> splitCounts = new LinkedHashMap<>();

    ImportReport(String file) {
        this.file = file;
    }

    void reject(long line, String reason) {
        rejected++;
        if (problems.size() < MAX_LISTED) {
            problems.add(new ImportProblem(file, line, reason));
        }
    }

    void unknownLabel(String label) { unknownLabels.merge(label, 1L, Long::sum); }
    void createdLabel(String label) { createdLabels.add(label); }
    void countRead() { rowsRead++; }
    void countImported(boolean withLabel) { imported++; if (withLabel) { labelled++; } }
    void countDuplicate() { duplicates++; }
    void countTooShort() { tooShort++; }
    void batchId(long id) { batchId = id; }
    void sha256(String hash) { sha256 = hash; }
    void committed(boolean value) { committed = value; }
    void aborted(boolean value) { aborted = value; }
    void splitCount(String split, long count) { splitCounts.put(split, count); }

    public String file() { return file; }
    public long batchId() { return batchId; }
    public String sha256() { return sha256; }
    public long rowsRead() { return rowsRead; }
    public long imported() { return imported; }
    public long labelled() { return labelled; }
    public long rejected() { return rejected; }
    public long duplicates() { return duplicates; }
    public long tooShort() { return tooShort; }
    /** True when the items were written (skip mode, or abort mode without bad rows). */
    public boolean committed() { return committed; }
    /** True when abort mode found bad rows and nothing was written. */
    public boolean aborted() { return aborted; }
    public List<ImportProblem> problems() { return List.copyOf(problems); }
    /** Labels found in the file that the project lacks, with how many rows used each. */
    public Map<String, Long> unknownLabels() { return Map.copyOf(unknownLabels); }
    public List<String> createdLabels() { return List.copyOf(createdLabels); }
    public Map<String, Long> splitCounts() { return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(splitCounts)); }

    /** Writes the rejected rows as TSV: file, line, reason (the error report file). */
    public void writeProblems(Path target) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            ProblemsTsv.write(out, problems.stream().map(p -> new ProblemsTsv.Row(p.file(), p.line(), p.reason())).toList(),
                    rejected);
        }
    }

    /** A JSON-friendly summary (for {@code --json}). */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", file);
        summary.put("sha256", sha256);
        summary.put("batchId", batchId);
        summary.put("committed", committed);
        summary.put("aborted", aborted);
        summary.put("rowsRead", rowsRead);
        summary.put("imported", imported);
        summary.put("labelled", labelled);
        summary.put("rejected", rejected);
        summary.put("duplicates", duplicates);
        summary.put("tooShort", tooShort);
        summary.put("unknownLabels", unknownLabels);
        summary.put("createdLabels", createdLabels);
        summary.put("splits", splitCounts);
        summary.put("problems", problems.stream().limit(100).map(ImportProblem::toString).toList());
        return summary;
    }
}
