package kcwb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kcwb.storage.annotation.Annotation;
import kcwb.storage.item.NewItem;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 a child JVM mid-import and mid-labeling, then reopen and check nothing acknowledged was lost. */
class DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void killedImportLeavesTheWorkspaceAsBefore() throws Exception {
        Path file = dir.resolve("w.kcwb");
        try (Workspace workspace = WorkspaceStore.create(file)) {
            Project project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
            workspace.items().insert(project.id(), NewItem.of("이미 있던 댓글"));
        }
        killImportMidway(file);
        try (Workspace workspace = WorkspaceStore.open(file)) {
            assertEquals(List.of("ok"), workspace.integrityCheck());
            Project project = workspace.projects().require("p");
            assertEquals(1, workspace.items().count(project.id()));
            assertTrue(workspace.importBatches().list(project.id()).isEmpty());
            assertTrue(workspace.labels().names(project.id()).isEmpty());
        }
    }

    /** The import runs with foreign-key checks off on its connection; a reopened workspace checks them again. */
    @Test
    void killedFirstImportIntoAnEmptyWorkspaceLeavesItEmptyAndConsistent() throws Exception {
        Path file = dir.resolve("empty.kcwb");
        try (Workspace workspace = WorkspaceStore.create(file)) {
            workspace.projects().create("p", TaskType.SINGLE_LABEL);
        }
        killImportMidway(file);
        try (Workspace workspace = WorkspaceStore.open(file)) {
            assertEquals(List.of("ok"), workspace.integrityCheck());
            Project project = workspace.projects().require("p");
            assertEquals(0, workspace.items().count(project.id()));
            assertTrue(workspace.importBatches().list(project.id()).isEmpty());
            try (var statement = workspace.connection().createStatement();
                    var rows = statement.executeQuery("SELECT count(*) FROM pragma_foreign_key_check")) {
                rows.next();
                assertEquals(0, rows.getInt(1));
            }
            try (var statement = workspace.connection().createStatement();
                    var rows = statement.executeQuery("PRAGMA foreign_keys")) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
        }
    }

    /** Starts an import of 200,000 rows in a child JVM and kill -9s it after 20,000. */
    private void killImportMidway(Path file) throws Exception {
        Path big = dir.resolve("big.tsv");
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 200_000; i++) {
                out.write("댓글 번호 " + i + " ㅋㅋㅋ 이거 진짜 웃기네\t" + (i % 2 == 0 ? "none" : "hate") + "\n");
            }
        }
        Process child = start(ImportChild.class, file, big);
        try (BufferedReader out = child.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ROWS ") && Long.parseLong(line.substring(5)) >= 20_000) {
                    break;
                }
                assertFalse(line.equals("DONE"), "the import finished before it could be killed");
            }
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyAcknowledgedLabelSurvivesKillDashNine() throws Exception {
        Path file = dir.resolve("w.kcwb");
        try (Workspace workspace = WorkspaceStore.create(file)) {
            Project project = workspace.projects().create("p", TaskType.SINGLE_LABEL);
            workspace.labels().add(project.id(), "none");
            workspace.labels().add(project.id(), "hate");
            workspace.inTransaction(() -> {
                for (int i = 0; i < 5_000; i++) {
                    workspace.items().insert(project.id(), NewItem.of("댓글 " + i));
                }
                return null;
            });
        }
        Map<Long, String> acknowledged = new LinkedHashMap<>();
        Process child = start(LabelBurstChild.class, file, null);
        try (BufferedReader out = child.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null && acknowledged.size() < 500) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("ACK")) {
                    acknowledged.put(Long.parseLong(parts[1]), parts[2]);
                }
            }
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(500, acknowledged.size(), "the child stopped early");
        try (Workspace workspace = WorkspaceStore.open(file)) {
            assertEquals(List.of("ok"), workspace.integrityCheck());
            for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
                List<String> stored = workspace.annotations().find(ack.getKey(), "burst").map(Annotation::labels).orElse(null);
                assertEquals(List.of(ack.getValue()), stored, "item " + ack.getKey());
            }
        }
    }

    private static Process start(Class<?> main, Path workspace, Path input) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), main.getName(), workspace.toString()));
        if (input != null) {
            command.add(input.toString());
        }
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
