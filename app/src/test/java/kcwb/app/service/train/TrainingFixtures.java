package kcwb.app.service.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import kcwb.storage.item.NewItem;
import kcwb.storage.item.Split;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import kcwb.training.train.TrainingConfigBuilder;
import kcwb.training.train.TrainingSummary;

/**
 * Shared test fixtures: a workspace with the 60 committed test comments, and a REAL tiny model trained on it
 * (from-scratch "tiny" preset, demo tokenizer, a few steps: seconds on a CPU), recorded as a run with checkpoints.
 */
public final class TrainingFixtures {
    public static final String PROJECT = "news";
    public static final String TAGS = "tags";

    private TrainingFixtures() {}

    /** A project "news" with the 60 test comments: split train/dev by the files, 4 items left unlabelled. */
    public static Path workspaceWithComments(Path dir) throws IOException {
        Path file = dir.resolve("ws.kcwb");
        try (Workspace ws = WorkspaceStore.create(file)) {
            long project = withTestComments(ws, PROJECT, TaskType.SINGLE_LABEL, List.of("praise", "insult", "neutral"),
                    (text, label) -> List.of(label));
            for (String text : List.of("오늘 경기 최고", "한심한 기사", "몇 시에 해요", "좋아요 최고")) {
                ws.items().insert(project, NewItem.of(text));
            }
        }
        return file;
    }

    /**
     * A multi-label project "tags" with the same 60 comments: each keeps its class and also gets "laugh" when it
     * contains ㅋ or ㅎ (train/dev as the files).
     */
    public static Path multiLabelWorkspace(Path dir) throws IOException {
        Path file = dir.resolve("tags.kcwb");
        try (Workspace ws = WorkspaceStore.create(file)) {
            withTestComments(ws, TAGS, TaskType.MULTI_LABEL, List.of("praise", "insult", "neutral", "laugh"),
                    (text, label) -> text.contains("ㅋ") || text.contains("ㅎ") ? List.of(label, "laugh") : List.of(label));
        }
        return file;
    }

    /** Creates the project and adds the train/dev test comments, labelled by "tester" with {@code labelsOf(text, class)}. */
    private static long withTestComments(Workspace ws, String name, TaskType type, List<String> labels,
            java.util.function.BiFunction<String, String, List<String>> labelsOf) throws IOException {
        Project project = ws.projects().create(name, type);
        for (String label : labels) {
            ws.labels().add(project.id(), label);
        }
        for (String split : List.of("train", "dev")) {
            List<String> lines = lines("/kcwb/app/train/" + split + ".tsv");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                long id = ws.items().insert(project.id(), new NewItem(f[1], split + ".tsv", null, null,
                        Split.fromKey(split), null));
                ws.annotations().save(id, "tester", labelsOf.apply(f[1], f[2]), null);
            }
        }
        return project.id();
    }

    public static List<String> lines(String resource) throws IOException {
        try (InputStream in = TrainingFixtures.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Tiny from-scratch training of project "news": eval every 2 steps, batch 8, split seed 42. */
    public static TrainRequest request(Path workspace, Path out, Path resume, int maxSteps) {
        return request(workspace, PROJECT, out, resume, maxSteps);
    }

    public static TrainRequest request(Path workspace, String project, Path out, Path resume, int maxSteps) {
        return new TrainRequest(workspace, project, null, null, null, null, null, "tiny", null, "quick",
                (TrainingConfigBuilder b) -> b.optMaxSteps(maxSteps).optEvalEverySteps(2).optLoggingSteps(1).optBatchSize(8),
                "kcelectra", out, resume, 42);
    }

    /** Trains {@link #request} into {@code out} (recorded as a run of the workspace) and returns the summary. */
    public static TrainingSummary trainTiny(Path workspace, Path out, int maxSteps) throws IOException {
        return trainTiny(workspace, PROJECT, out, maxSteps);
    }

    public static TrainingSummary trainTiny(Path workspace, String project, Path out, int maxSteps) throws IOException {
        return new TrainService().run(request(workspace, project, out, null, maxSteps), List.of(), job -> { });
    }
}
