package kcwb.app.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The peer: {@code sqlite3 DB '.mode tabs' '.import FILE t'} into a fresh table, the same steps as
 * storage/src/bench/import_sqlite_cli.sh. Returns wall-clock seconds.
 */
final class SqliteCliImport {
    private SqliteCliImport() {}

    /** Wall-clock and CPU (user + system) seconds of the sqlite3 process. */
    record Timing(double wallSeconds, double cpuSeconds) {}

    static Timing run(String sqlite3, Path tsv, Path db) throws IOException, InterruptedException {
        Files.deleteIfExists(db);
        // bash's `time` reports the child's CPU seconds on stderr as the last line: "cpu USER SYS".
        List<String> command = List.of("bash", "-c", "TIMEFORMAT='cpu %U %S'; time \"$0\" \"$@\" > /dev/null", sqlite3,
                db.toString(), "-cmd", "PRAGMA journal_mode=WAL",
                "-cmd", "CREATE TABLE t(text TEXT, label TEXT)", ".mode tabs", ".import " + tsv + " t");
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run '" + sqlite3 + "' (install it: apt-get install -y sqlite3): " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IOException("sqlite3 .import failed (exit " + exit + "): " + output);
        }
        String[] cpu = output.strip().lines().reduce((first, second) -> second).orElse("cpu 0 0").split(" ");
        return new Timing(seconds, Double.parseDouble(cpu[1]) + Double.parseDouble(cpu[2]));
    }
}
