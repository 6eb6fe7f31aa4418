package kcwb.app.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import kcwb.storage.io.ImportFormat;
import kcwb.storage.io.ImportOptions;
import kcwb.storage.io.ImportReport;
import kcwb.storage.io.Importer;
import kcwb.storage.io.SplitSpec;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;

/**
 * The first-start workspace: the shipped {@link DemoComments} in a project with hate/offensive/none (hotkeys
 * 1/2/3, colours, a guideline); the labelled part arrives as annotator {@value #ANNOTATOR} through the normal
 * importer, so it is recorded like any import.
 */
public final class DemoWorkspace {
    public static final String FILE_NAME = "demo.kcwb";
    public static final String PROJECT = "데모: 댓글 분류";
    public static final String ANNOTATOR = "demo";
    static final String GUIDELINE = """
            각 댓글에 하나의 라벨을 고르세요.
            • hate (혐오, 1): 성별·지역·인종·종교·나이·장애 등 집단을 겨냥한 비하, 차별, 혐오 표현.
            • offensive (공격적, 2): 특정 집단이 아니라 개인이나 상황을 향한 욕설, 모욕, 비꼼.
            • none (없음, 3): 위 두 가지에 해당하지 않는 댓글 (불만, 농담, 일상 대화 포함).
            애매하면 메모를 남기고 건너뛰세요 (S). 초성 욕설(ㅅㅂ 등)과 마스킹된 욕설도 욕설로 봅니다.
            """;
    private static final String[][] LABELS = {
        {"hate", "혐오", "#E15759", "1"},
        {"offensive", "공격적", "#F28E2B", "2"},
        {"none", "없음", "#59A14F", "3"},
    };

    private DemoWorkspace() {}

    /** The demo's place: beside the settings file, in the config folder. */
    public static Path defaultFile(AppSettingsStore settings) {
        return settings.file().getParent().resolve(FILE_NAME);
    }

    /** Fills a new, empty workspace with the demo project and comments. */
    public static ImportReport fill(Workspace workspace) {
        Project project = workspace.projects().create(PROJECT, TaskType.SINGLE_LABEL);
        for (String[] label : LABELS) {
            workspace.labels().add(project.id(), label[0], label[1], label[2], label[3]);
        }
        workspace.projects().setGuideline(project.id(), GUIDELINE.strip());
        Path jsonl = null;
        try {
            jsonl = Files.createTempDirectory("kcwb-demo").resolve("demo-comments.jsonl");
            writeComments(jsonl);
            ImportOptions options = ImportOptions.builder(ImportFormat.JSONL).optTextColumn("text").optLabelColumn("label")
                    .optAnnotator(ANNOTATOR).optSplit(new SplitSpec(0.8, 0.1, 0.1, 42)).build();
            return new Importer().run(workspace, project, jsonl, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo comments to a temp file: " + e.getMessage(), e);
        } finally {
            if (jsonl != null) {
                try {
                    Files.deleteIfExists(jsonl);
                    Files.deleteIfExists(jsonl.getParent());
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static void writeComments(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Writer out = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
            for (DemoComments.DemoComment comment : DemoComments.load()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("text", comment.text());
                comment.label().ifPresent(label -> row.put("label", label));
                out.write(json.writeValueAsString(row));
                out.write('\n');
            }
        }
    }
}
