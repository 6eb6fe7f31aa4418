package kcwb.storage.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The error report layout shared by import (fresh report) and export (stored report): TSV file, line, reason. */
final class ProblemsTsv {
    record Row(String file, long line, String reason) {}

    private ProblemsTsv() {}

    static void write(Writer out, List<Row> rows, long total) throws IOException {
        out.write("file\tline\treason\n");
        for (Row row : rows) {
            out.write(clean(row.file()) + "\t" + row.line() + "\t" + clean(row.reason()) + "\n");
        }
        if (total > rows.size()) {
            out.write("#\t\t" + (total - rows.size()) + " more rejected rows not listed\n");
        }
    }

    private static String clean(String value) {
        return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
